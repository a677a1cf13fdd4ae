import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeTinyBaseModel } from "../../test/fixtures.js";
import { initBackend } from "../backend.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { createOnnxSession } from "../onnx/onnx-runtime.js";
import { ensureOnnxBaseModel } from "./onnx-cache.js";

const spec: BaseModelSpec = {
  id: "tiny",
  name: "tiny",
  url: "",
  format: "layers",
  inputSize: 32,
  normalization: "[-1,1]",
  bottleneck: "avg_pool",
  featureDim: 16,
};

/** The converted graph's features for one fixed image. */
async function features(onnxPath: string): Promise<Float32Array> {
  const session = await createOnnxSession(onnxPath);
  const pixels = Uint8Array.from({ length: 32 * 32 * 3 }, (_, i) => (i * 29) % 256);
  const out = await session.run(pixels, [1, 32, 32, 3]);
  await session.dispose();
  return out;
}

describe("the ONNX conversion cache", () => {
  let original: string;
  let cacheDir: string;
  beforeAll(async () => {
    await initBackend("auto");
    original = path.join(await tempDir("onnx-cache-model"), "tiny");
    await writeTinyBaseModel(original);
    cacheDir = await tempDir("onnx-cache");
  });

  it("gives a model with the same weights but an edited topology its own entry, never the other's", async () => {
    const first = await ensureOnnxBaseModel(spec, original, cacheDir);
    if ("unsupported" in first) throw new Error(first.unsupported);
    const before = await features(first.path);

    // Same weight shards, model.json edited: its convolutions lose their ReLU.
    const edited = path.join(path.dirname(original), "edited");
    await cp(original, edited, { recursive: true });
    const json = await readFile(path.join(edited, "model.json"), "utf8");
    await writeFile(path.join(edited, "model.json"), json.replaceAll('"activation":"relu"', '"activation":"linear"'));
    const tampered = await ensureOnnxBaseModel(spec, edited, cacheDir);
    if ("unsupported" in tampered) throw new Error(tampered.unsupported);
    expect(tampered.weightsHash).toBe(first.weightsHash);
    expect(tampered.path).not.toBe(first.path);
    expect(await features(tampered.path)).not.toEqual(before);

    // The original model still runs its own graph.
    const again = await ensureOnnxBaseModel(spec, original, cacheDir);
    if ("unsupported" in again) throw new Error(again.unsupported);
    expect(again.path).toBe(first.path);
    expect(await features(again.path)).toEqual(before);
  }, 60_000);

  it("converts again instead of trusting a cached file whose bytes changed on disk", async () => {
    const first = await ensureOnnxBaseModel(spec, original, cacheDir);
    if ("unsupported" in first) throw new Error(first.unsupported);
    const before = await features(first.path);
    const edited = path.join(path.dirname(original), "edited");
    const other = await ensureOnnxBaseModel(spec, edited, cacheDir);
    if ("unsupported" in other) throw new Error(other.unsupported);
    // Someone copies another model's graph over this one's entry.
    await cp(other.path, first.path);
    const reloaded = await ensureOnnxBaseModel(spec, original, cacheDir);
    if ("unsupported" in reloaded) throw new Error(reloaded.unsupported);
    expect(await features(reloaded.path)).toEqual(before);
  }, 60_000);
});
