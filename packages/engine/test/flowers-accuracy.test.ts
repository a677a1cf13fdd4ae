// The real thing: flowers_small (4,317 photos) with ImageNet MobileNetV2-0.35 from ../shared, its base model on
// ONNX Runtime and on TensorFlow.js's WebAssembly backend: the same accuracy either way.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { retrain } from "../src/pipeline/retrain.js";
import { sharedDir, tempDir } from "./fixtures.js";

describe("flowers_small with MobileNetV2-0.35", () => {
  it("reaches 0.70 validation accuracy on ONNX Runtime, as on WebAssembly (within 0.01), and reuses every vector", async () => {
    const shared = sharedDir();
    const work = await tempDir("flowers");
    const options = (backend: "onnxruntime" | "wasm") => ({
      imageDir: path.join(shared, "datasets/flowers_small"),
      baseModel: path.join(shared, "models/mobilenet_v2_035_224_notop"),
      bottleneckDir: path.join(work, `bottlenecks-${backend}`),
      modelCacheDir: path.join(work, "models"),
      outputDir: path.join(work, `out-${backend}`),
      backend,
    });
    const native = await retrain(options("onnxruntime"));
    expect(native.backend).toBe("onnxruntime");
    expect(native.images.total).toBe(4317);
    expect(native.validationAccuracy).toBeGreaterThanOrEqual(0.7);
    const again = await retrain(options("onnxruntime"));
    expect(again.computed).toBe(0);
    expect(again.reused).toBe(native.computed + native.reused);
    const wasm = await retrain(options("wasm"));
    expect(wasm.backend).toBe("wasm");
    expect(Math.abs((native.validationAccuracy ?? 0) - (wasm.validationAccuracy ?? 1))).toBeLessThanOrEqual(0.01);
  }, 900_000);
});
