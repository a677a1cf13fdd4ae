import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../src/backend.js";
import { extractBatch } from "../src/extraction/extract-batch.js";
import { tfjsExtractor } from "../src/extraction/tfjs-extractor.js";
import { createExtractionPool } from "../src/extraction/worker-pool.js";
import { loadBaseModel } from "../src/formats/load-base-model.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { tempDir, writeImageFolder, writeTinyBaseModel } from "./fixtures.js";

describe("extraction pool", () => {
  let baseDir: string;
  let imageDir: string;
  beforeAll(async () => {
    await initBackend("auto");
    const work = await tempDir("pool");
    baseDir = path.join(work, "base");
    imageDir = path.join(work, "images");
    await writeTinyBaseModel(baseDir);
    await writeImageFolder(imageDir, ["a", "b"], 4);
  });

  it("gives the same vectors on worker threads as in the main thread, whatever the batch", async () => {
    const resolved = await resolveBaseModel(baseDir, { cacheDir: baseDir });
    const items = await Promise.all(
      ["a/a_0.jpg", "a/a_1.jpg", "b/b_2.jpg"].map(async (f) => ({
        name: f,
        bytes: new Uint8Array(await readFile(path.join(imageDir, f))),
      })),
    );
    const pool = await createExtractionPool({
      spec: resolved.spec,
      dir: resolved.dir,
      inference: "wasm",
      cacheDir: path.join(os.tmpdir(), "retrain-onnx-cache"),
      resize: "center-crop",
      threads: 2,
    });
    try {
      expect(pool.threads).toBe(2);
      const [together, alone] = await Promise.all([pool.run(items), pool.run(items.slice(2))]);
      const local = await extractBatch(tfjsExtractor(await loadBaseModel(resolved.spec, resolved.dir)), items, {
        resize: "center-crop",
      });
      const dim = pool.spec.featureDim;
      expect(Array.from(together.vectors)).toEqual(Array.from(local.vectors));
      for (const [i, v] of alone.vectors.entries()) {
        expect(v).toBeCloseTo(together.vectors[2 * dim + i] ?? Number.NaN, 5);
      }
    } finally {
      await pool.close();
    }
  });

  it("runs the base model on ONNX Runtime when it can, with the TensorFlow.js vectors", async () => {
    const resolved = await resolveBaseModel(baseDir, { cacheDir: baseDir });
    const items = await Promise.all(
      ["a/a_0.jpg", "b/b_1.jpg"].map(async (f) => ({
        name: f,
        bytes: new Uint8Array(await readFile(path.join(imageDir, f))),
      })),
    );
    const pool = await createExtractionPool({
      spec: resolved.spec,
      dir: resolved.dir,
      inference: "auto",
      cacheDir: await tempDir("pool-onnx"),
      resize: "center-crop",
      threads: 2,
    });
    try {
      expect(pool.backend).toBe("onnxruntime");
      const native = await pool.run(items);
      const local = await extractBatch(tfjsExtractor(await loadBaseModel(resolved.spec, resolved.dir)), items, {
        resize: "center-crop",
      });
      for (const [i, v] of native.vectors.entries()) expect(v).toBeCloseTo(local.vectors[i] ?? Number.NaN, 4);
    } finally {
      await pool.close();
    }
    await expect(pool.run(items)).rejects.toThrow(/closed/); // at once, not hanging
  });

  it("reports a base model that cannot load instead of hanging", async () => {
    const resolved = await resolveBaseModel(baseDir, { cacheDir: baseDir });
    await expect(
      createExtractionPool({
        spec: { ...resolved.spec, bottleneck: "no_such_layer" },
        dir: resolved.dir,
        inference: "auto",
        cacheDir: path.join(os.tmpdir(), "retrain-onnx-cache"),
        resize: "center-crop",
        threads: 1,
      }),
    ).rejects.toThrow(/no layer "no_such_layer"/);
  });
});
