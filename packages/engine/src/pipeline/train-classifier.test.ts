// Every path through training and restoring, failures included, gives back every tensor it made.
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { blobs } from "../../test/fixtures.js";
import { initBackend } from "../backend.js";
import { type Checkpoint, restoreCheckpoint } from "../checkpoints/checkpoint.js";
import { EngineError } from "../errors.js";
import { resolveHyperparameters, trainingPlan } from "../training/hyperparameters.js";
import { type TrainClassifierInput, trainClassifier } from "./train-classifier.js";

const named = (set: ReturnType<typeof blobs>) => ({ ...set, names: Array.from(set.y, (_, i) => `img${i}`) });
const input = (overrides: Partial<TrainClassifierInput> = {}): TrainClassifierInput => ({
  labels: ["a", "b", "c"],
  train: named(blobs(90, 8, 3, 1)),
  validation: named(blobs(30, 8, 3, 2)),
  test: named(blobs(30, 8, 3, 3)),
  plan: trainingPlan(resolveHyperparameters({ epochs: 3, hiddenUnits: 4 }), 8, 3),
  baseModel: { id: "toy", url: "memory://toy", format: "layers", featureDim: 8, weightsHash: "" },
  preprocessing: { inputSize: 8, normalization: "[-1,1]", resize: "center-crop" },
  ...overrides,
});

/** Runs `work` (which may fail) and says how many tensors it left behind. */
async function leftBehind(work: () => Promise<unknown>): Promise<{ tensors: number; error?: unknown }> {
  const before = tf.memory().numTensors;
  let error: unknown;
  await work().catch((e: unknown) => {
    error = e;
  });
  return { tensors: tf.memory().numTensors - before, error };
}

describe("trainClassifier's resources", () => {
  let checkpoint: Checkpoint;
  beforeAll(async () => {
    await initBackend("auto");
    checkpoint = (await trainClassifier(input())).checkpoint; // warms up kernels and shared state
  });

  it("a finished run, and a resumed one, leave nothing", async () => {
    expect((await leftBehind(() => trainClassifier(input()))).tensors).toBe(0);
    expect((await leftBehind(() => trainClassifier(input({ resumeFrom: checkpoint })))).tensors).toBe(0);
  });

  it("a run stopped by its epoch callback (a cancel) leaves nothing", async () => {
    const stopped = await leftBehind(() =>
      trainClassifier(
        input({
          onEpoch: (m) => {
            if (m.epoch === 2) throw new Error("cancelled");
          },
        }),
      ),
    );
    expect(stopped).toEqual({ tensors: 0, error: new Error("cancelled") });
  });

  it("refused input (one label, no images, vectors of the wrong width) leaves nothing", async () => {
    const oneLabel = await leftBehind(() => trainClassifier(input({ labels: ["a"] })));
    expect(oneLabel.error).toBeInstanceOf(EngineError);
    const empty = named({ x: new Float32Array(0), y: new Int32Array(0), dim: 8 });
    expect(await leftBehind(() => trainClassifier(input({ train: empty })))).toMatchObject({ tensors: 0 });
    const wide = await leftBehind(() => trainClassifier(input({ train: named(blobs(30, 9, 3, 1)) })));
    expect(wide.error).toBeDefined();
    expect(wide.tensors).toBe(0);
  });

  it("a corrupt checkpoint fails to restore and leaves nothing", async () => {
    const truncated = { ...checkpoint, weights: checkpoint.weights.subarray(0, 16) };
    const badOptimizer = {
      ...checkpoint,
      optimizerState: checkpoint.optimizerState && {
        ...checkpoint.optimizerState,
        data: checkpoint.optimizerState.data.subarray(0, 8),
      },
    };
    for (const broken of [truncated, badOptimizer]) {
      const restored = await leftBehind(() => restoreCheckpoint(broken));
      expect(restored.error).toBeDefined();
      expect(restored.tensors).toBe(0);
      const resumed = await leftBehind(() => trainClassifier(input({ resumeFrom: broken })));
      expect(resumed.error).toBeDefined();
      expect(resumed.tensors).toBe(0);
    }
  });
});
