// The Inception-v3 shape and loading path (299x299 input, 2048-d pooled features), with the Inception-v3
// layers model that the nsfwjs npm package ships, turned into a model folder.

import { readFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../src/backend.js";
import { extractBatch } from "../src/extraction/extract-batch.js";
import { tfjsExtractor } from "../src/extraction/tfjs-extractor.js";
import { loadBaseModel } from "../src/formats/load-base-model.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { gradientImage, nsfwjsInceptionFolder, tempDir } from "./fixtures.js";

describe("Inception-v3 (nsfwjs fixture)", () => {
  let dir: string;
  beforeAll(async () => {
    await initBackend("auto");
    dir = path.join(await tempDir("inception"), "inception_v3");
    await nsfwjsInceptionFolder(dir);
  }, 120_000);

  it("loads, finds the last pooled layer as bottleneck, and extracts 2048-d vectors from 299x299 input", async () => {
    const resolved = await resolveBaseModel(dir, { cacheDir: dir });
    const model = await loadBaseModel(resolved.spec, resolved.dir);
    expect(model.spec.inputSize).toBe(299);
    expect(model.spec.featureDim).toBe(2048);
    expect(model.spec.bottleneck).toMatch(/pool/);
    const bytes = await gradientImage(1, 320, 240).jpeg().toBuffer();
    const before = tf.memory().numTensors;
    const result = await extractBatch(
      tfjsExtractor(model),
      [
        { name: "a.jpg", bytes },
        { name: "b.jpg", bytes: new Uint8Array(await readFile(import.meta.filename)) },
      ],
      { resize: "center-crop" },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result.errors).toEqual([null, expect.stringMatching(/not an image/)]);
    expect(result.vectors.length).toBe(2 * 2048);
    expect(result.vectors.subarray(0, 2048).some((v) => v !== 0)).toBe(true);
    model.dispose();
  }, 120_000);
});
