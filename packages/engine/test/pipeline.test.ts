// The retrain pipeline end to end on real (generated) images and a tiny real base model.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../src/backend.js";
import { restoreCheckpoint } from "../src/checkpoints/checkpoint.js";
import { readCheckpointFolder } from "../src/checkpoints/checkpoint-files.js";
import { loadExportedModel } from "../src/export/export-model.js";
import { loadBaseModel } from "../src/formats/load-base-model.js";
import { decodeImage } from "../src/images/decode-image.js";
import { pixelBatch } from "../src/images/normalize.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { createOnnxSession } from "../src/onnx/onnx-runtime.js";
import { retrain } from "../src/pipeline/retrain.js";
import type { RetrainSummary } from "../src/pipeline/summary.js";
import { createClassifier } from "../src/predict/classifier.js";
import { tempDir, writeImageFolder, writeTinyBaseModel } from "./fixtures.js";

describe("retrain on a folder of images", () => {
  let imageDir: string;
  let baseDir: string;
  let work: string;
  let first: RetrainSummary;
  const run = (output: string, extra = {}) =>
    retrain({
      imageDir,
      baseModel: baseDir,
      bottleneckDir: path.join(work, "bottlenecks"),
      modelCacheDir: path.join(work, "models"),
      outputDir: path.join(work, output),
      threads: 2,
      training: { epochs: 30, batchSize: 16 },
      optimizer: { name: "adam", learningRate: 0.01 },
      ...extra,
    });

  beforeAll(async () => {
    await initBackend("auto");
    work = await tempDir("pipeline");
    imageDir = path.join(work, "images");
    baseDir = path.join(work, "base");
    await writeImageFolder(imageDir, ["amber", "blue", "cyan"], 20);
    await writeFile(path.join(imageDir, "blue", "broken.jpg"), "not really a jpeg");
    await writeTinyBaseModel(baseDir);
    first = await run("out1");
  });

  it("extracts every image once, lists unreadable files, trains and evaluates", () => {
    expect(first.images.total).toBe(61);
    expect(first.computed).toBe(60);
    expect(first.reused).toBe(0);
    expect(first.unreadable).toEqual([
      { file: path.join(imageDir, "blue", "broken.jpg"), reason: expect.stringMatching(/corrupt|not an image/) },
    ]);
    expect(first.validationAccuracy).toBeGreaterThan(0.5);
    expect(first.confusionMatrix).toHaveLength(3);
    expect(first.perClass.map((c) => c.label)).toEqual(["amber", "blue", "cyan"]);
  });

  it("a second run over the same cache computes no vector", async () => {
    const second = await run("out2");
    expect(second.computed).toBe(0);
    expect(second.reused).toBe(60);
    expect(second.validationAccuracy).toBe(first.validationAccuracy); // same vectors, same seed
  });

  it("augmentation variants are computed once, then cached too", async () => {
    const augmented = await run("out3", { augment: ["flip"] });
    expect(augmented.computed).toBe(first.vectors.train); // only the flipped training images are new
    expect((await run("out4", { augment: ["flip"] })).computed).toBe(0);
  });

  it("the restored checkpoint and the exported model predict what the engine predicts", async () => {
    const checkpoint = await readCheckpointFolder(path.join(work, "out1", "checkpoint"));
    const resolved = await resolveBaseModel(baseDir, { cacheDir: path.join(work, "models") });
    const base = await loadBaseModel(resolved.spec, resolved.dir);
    const { head } = await restoreCheckpoint(checkpoint, base);
    const classifier = createClassifier(base, head, checkpoint.labels, checkpoint.preprocessing);
    const files = ["amber/amber_3.jpg", "blue/blue_5.jpg", "cyan/cyan_7.jpg"].map((f) => path.join(imageDir, f));
    const images = await Promise.all(files.map(async (f) => ({ name: f, bytes: await readFile(f) })));
    const engine = await classifier.predict(images, 3);

    const exported = await loadExportedModel(path.join(work, "out1", "model"));
    expect(exported.labels).toEqual(checkpoint.labels);
    for (const [i, image] of images.entries()) {
      const { pixels } = await decodeImage(Buffer.from(image.bytes), image.name, {
        size: exported.preprocessing.inputSize,
        resize: exported.preprocessing.resize,
      });
      const input = pixelBatch([pixels], exported.preprocessing.inputSize).toFloat();
      const probs = Array.from(await exported.predict(input).data());
      const top = engine[i];
      if (!top || "error" in top) throw new Error("engine prediction failed");
      for (const { label, probability } of top.top)
        expect(probs[exported.labels.indexOf(label)]).toBeCloseTo(probability, 5);
    }

    // The ONNX export (written by the run beside the TensorFlow.js model) on ONNX Runtime: the same answers.
    const session = await createOnnxSession(path.join(work, "out1", "model.onnx"));
    for (const [i, image] of images.entries()) {
      const { pixels } = await decodeImage(Buffer.from(image.bytes), image.name, {
        size: checkpoint.preprocessing.inputSize,
        resize: checkpoint.preprocessing.resize,
      });
      const size = checkpoint.preprocessing.inputSize;
      const probs = await session.run(pixels, [1, size, size, 3]);
      const top = engine[i];
      if (!top || "error" in top) throw new Error("engine prediction failed");
      for (const { label, probability } of top.top)
        expect(probs[checkpoint.labels.indexOf(label)]).toBeCloseTo(probability, 4);
    }
    await session.dispose();
  });

  it("refuses to load a checkpoint against another base model", async () => {
    const checkpoint = await readCheckpointFolder(path.join(work, "out1", "checkpoint"));
    const otherDir = path.join(work, "other-base");
    await writeTinyBaseModel(otherDir, 99);
    const other = await resolveBaseModel(otherDir, { cacheDir: path.join(work, "models") });
    const base = await loadBaseModel(other.spec, other.dir);
    await expect(restoreCheckpoint(checkpoint, base)).rejects.toThrow(/trained on base model/);
  });

  it("predicts 1,000 images in batches without leaking a tensor", async () => {
    const checkpoint = await readCheckpointFolder(path.join(work, "out1", "checkpoint"));
    const resolved = await resolveBaseModel(baseDir, { cacheDir: path.join(work, "models") });
    const base = await loadBaseModel(resolved.spec, resolved.dir);
    const { head } = await restoreCheckpoint(checkpoint, base);
    const classifier = createClassifier(base, head, checkpoint.labels, checkpoint.preprocessing);
    const bytes = await readFile(path.join(imageDir, "cyan", "cyan_1.jpg"));
    const batch = Array.from({ length: 25 }, (_, i) => ({ name: `img${i}`, bytes }));
    await classifier.predict(batch); // warm-up allocates nothing kept, but keep the count honest
    const before = tf.memory().numTensors;
    for (let i = 0; i < 40; i++) await classifier.predict(batch, 2);
    expect(tf.memory().numTensors).toBe(before);
    const [bad] = await classifier.predict([{ name: "nope.txt", bytes: new TextEncoder().encode("text") }]);
    expect(bad).toEqual({ name: "nope.txt", error: expect.stringMatching(/not an image/) });
  });
});
