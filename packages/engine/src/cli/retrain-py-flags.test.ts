import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../errors.js";
import { parseRetrainArgs } from "./retrain-args.js";
import { fromRetrainPyFlags } from "./retrain-py-flags.js";

describe("retrain.py's flags", () => {
  it("become this CLI's own, in both spellings of a value", () => {
    const argv = [
      "--image_dir",
      "flowers",
      "--bottleneck_dir=/tmp/b",
      "--learning_rate",
      "0.01",
      "--testing_percentage",
      "15",
      "--validation_percentage",
      "5",
      "--train_batch_size",
      "64",
      "--architecture",
      "inception_v3",
      "--json",
    ];
    const { options, json } = parseRetrainArgs(argv);
    expect(json).toBe(true);
    expect(options.imageDir).toMatch(/\/flowers$/);
    expect(options.bottleneckDir).toBe("/tmp/b");
    expect(options.optimizer?.learningRate).toBe(0.01);
    expect(options.split).toEqual({ testPercent: 15, validationPercent: 5 });
    expect(options.training?.batchSize).toBe(64);
    expect(options.baseModel).toBe("inception_v3");
  });

  it("turn flips and random crops into the cached variants", () => {
    const parse = (...flags: string[]) => parseRetrainArgs(["--image_dir", "d", ...flags]).options;
    expect(parse("--flip_left_right").augment).toEqual(["flip"]);
    expect(parse("--flip_left_right=False").augment).toEqual([]);
    expect(parse("--random_crop", "10").augment).toEqual(["zoom"]);
    expect(parse("--random_scale=0").augment).toEqual([]);
    expect(parse("--flip_left_right", "--random_scale", "20").augment).toEqual(["flip", "zoom", "flip-zoom"]);
  });

  it("refuse what has no equivalent, naming the flag and what to use instead", () => {
    const refused = (...argv: string[]) => {
      try {
        parseRetrainArgs(["--image-dir", "d", ...argv]);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidOptionError);
        return (error as Error).message;
      }
      throw new Error(`${argv.join(" ")} was taken`);
    };
    expect(refused("--how_many_training_steps", "4000")).toMatch(/^--how_many_training_steps: .*use --epochs/);
    expect(refused("--output_graph=/tmp/g.pb")).toMatch(/^--output_graph: .*--output DIR/);
    expect(refused("--output_labels", "/tmp/l.txt")).toMatch(/labels\.txt inside --output/);
    expect(refused("--random_brightness", "10")).toMatch(/--augment/);
    expect(refused("--architecture", "mobilenet_1.0_128")).toMatch(/not in the catalog/);
    expect(refused("--image_dir")).toBe("--image_dir: expects a value");
  });

  it("leave this CLI's own flags alone", () => {
    expect(fromRetrainPyFlags(["--image-dir", "d", "--epochs", "3"])).toEqual(["--image-dir", "d", "--epochs", "3"]);
  });
});
