// The real thing: flowers_small (4,317 photos) with ImageNet MobileNetV2-0.35 from ../shared.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { retrain } from "../src/pipeline/retrain.js";
import { sharedDir, tempDir } from "./fixtures.js";

describe("flowers_small with MobileNetV2-0.35", () => {
  it("reaches at least 0.70 validation accuracy, and a second run reuses every vector", async () => {
    const shared = sharedDir();
    const work = await tempDir("flowers");
    const options = {
      imageDir: path.join(shared, "datasets/flowers_small"),
      baseModel: path.join(shared, "models/mobilenet_v2_035_224_notop"),
      bottleneckDir: path.join(work, "bottlenecks"),
      modelCacheDir: path.join(work, "models"),
      outputDir: path.join(work, "out"),
    };
    const first = await retrain(options);
    expect(first.images.total).toBe(4317);
    expect(first.validationAccuracy).toBeGreaterThanOrEqual(0.7);
    const second = await retrain(options);
    expect(second.computed).toBe(0);
    expect(second.reused).toBe(first.computed + first.reused);
  }, 600_000);
});
