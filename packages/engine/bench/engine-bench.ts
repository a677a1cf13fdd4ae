// Engine benchmark, figures for the README. `pnpm bench:engine [--images N]` from the repository root.
// 1. Extraction throughput with a pool of one worker thread per core against a single worker, in one run.
// 2. The share of decoding and resizing in per-image extraction time.
// 3. Training the head on 4,317 vectors of 1280-d for 50 epochs (the flowers_small size).
// Needs ../shared (flowers_small and MobileNetV2-0.35); prints a table and writes bench-results/engine.json.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { initBackend } from "../src/backend.js";
import { extractBatch } from "../src/extraction/extract-batch.js";
import { extractBottlenecks } from "../src/extraction/extract-bottlenecks.js";
import { memoryBottleneckStore } from "../src/extraction/memory-store.js";
import { tfjsExtractor } from "../src/extraction/pixel-extractor.js";
import { createExtractionPool } from "../src/extraction/worker-pool.js";
import { loadBaseModel } from "../src/models/base-model.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { DEFAULTS } from "../src/pipeline/retrain-options.js";
import { createHeadModel } from "../src/training/head-model.js";
import { createOptimizer } from "../src/training/optimizer.js";
import { trainHead } from "../src/training/train-head.js";
import { blobs, sharedDir } from "../test/fixtures.js";

const { values } = parseArgs({ options: { images: { type: "string", default: "960" } } });
const imageCount = Number(values.images);
const shared = sharedDir();
const backend = await initBackend("auto");
const flowers = path.join(shared, "datasets/flowers_small");
const files: string[] = [];
for (const label of (await readdir(flowers)).sort()) {
  for (const f of (await readdir(path.join(flowers, label))).sort().slice(0, Math.ceil(imageCount / 5)))
    files.push(path.join(flowers, label, f));
}
const jobs = files.slice(0, imageCount).map((p) => ({ key: p, item: { name: p, path: p } }));
const resolved = await resolveBaseModel(path.join(shared, "models/mobilenet_v2_035_224_notop"), {
  cacheDir: os.tmpdir(),
});

async function extractionRun(threads: number) {
  const pool = await createExtractionPool({
    spec: resolved.spec,
    dir: resolved.dir,
    inference: "auto",
    cacheDir: path.join(os.tmpdir(), "retrain-onnx-cache"),
    resize: "center-crop",
    threads,
  });
  try {
    // Warm-up batch per worker (first inference compiles kernels), then the timed pass on a fresh store.
    await Promise.all(Array.from({ length: threads }, () => pool.run(jobs.slice(0, 16).map((j) => j.item))));
    return await extractBottlenecks(jobs, { pool, store: memoryBottleneckStore(), batchSize: 8 });
  } finally {
    await pool.close();
  }
}

/** Per-image time on one thread, nothing overlapped: decode + resize, then the model, batch by batch. */
async function sequentialShare() {
  const model = await loadBaseModel(resolved.spec, resolved.dir);
  const items = jobs.slice(0, 160).map((j) => j.item);
  let decodeMs = 0;
  let inferMs = 0;
  await extractBatch(tfjsExtractor(model), items.slice(0, 16), { resize: "center-crop" }); // warm-up
  for (let i = 0; i < items.length; i += 16) {
    const r = await extractBatch(tfjsExtractor(model), items.slice(i, i + 16), { resize: "center-crop" });
    decodeMs += r.decodeMs;
    inferMs += r.inferMs;
  }
  model.dispose();
  return {
    share: decodeMs / (decodeMs + inferMs),
    decodeMsPerImage: decodeMs / items.length,
    inferMsPerImage: inferMs / items.length,
  };
}

const cores = os.availableParallelism();
console.error(`backend ${backend}, ${cores} cores, ${jobs.length} flowers_small images, MobileNetV2-0.35`);
const single = await extractionRun(1);
const pooled = await extractionRun(cores);
const decode = await sequentialShare();
const vectors = blobs(4317, 1280, 5, 11, 2);
const head = createHeadModel({ featureDim: 1280, numClasses: 5, seed: 1 });
const training = await trainHead(head, createOptimizer(DEFAULTS.optimizer), vectors, undefined, {
  ...DEFAULTS.training,
  epochs: 50,
  earlyStoppingPatience: undefined,
});

const results = {
  date: new Date().toISOString(),
  backend,
  cores,
  images: jobs.length,
  extraction: {
    singleWorkerImagesPerSecond: single.imagesPerSecond,
    poolImagesPerSecond: pooled.imagesPerSecond,
    poolThreads: cores,
    speedup: pooled.imagesPerSecond / single.imagesPerSecond,
    target: 1.7,
  },
  decodeShare: { ...decode, target: 0.15 },
  training: {
    vectors: 4317,
    dim: 1280,
    epochs: 50,
    batchSize: DEFAULTS.training.batchSize,
    seconds: training.seconds,
    target: 15,
  },
};
const f = (x: number, d = 1) => x.toFixed(d);
console.log(`extraction, 1 worker:        ${f(single.imagesPerSecond)} images/s`);
console.log(
  `extraction, ${cores} workers:       ${f(pooled.imagesPerSecond)} images/s  (${f(results.extraction.speedup, 2)}x; target >= 1.7x)`,
);
console.log(
  `decode + resize share:       ${f(decode.share * 100)}% of per-image time (${f(decode.decodeMsPerImage)} of ${f(decode.decodeMsPerImage + decode.inferMsPerImage)} ms; target <= 15%)`,
);
console.log(`train head 4317x1280, 50 ep: ${f(training.seconds)} s (target <= 15 s)`);
await mkdir("bench-results", { recursive: true });
await writeFile("bench-results/engine.json", JSON.stringify(results, null, 2));
process.exit(0);
