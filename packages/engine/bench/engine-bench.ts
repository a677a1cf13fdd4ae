// Engine benchmark, figures for docs/benchmarks.md. `pnpm bench:engine [--images N]` from the repository root.
// In one run, on this machine, base models on ONNX Runtime and on TensorFlow.js (WebAssembly) side by side:
// 1. Extraction end to end (files on disk -> vectors stored), MobileNetV2-0.35 on flowers_small.
// 2. ONNX Runtime threading: worker threads against intra-op threads, and the mix.
// 3. Inception-v3 (299 x 299) extraction, both backends.
// 4. The network alone on ONNX Runtime: images/s and GFLOP/s against the cores' peak.
// 5. Training the head on 4,317 vectors of 1280-d for 50 epochs.
// Needs ../shared (flowers_small, MobileNetV2-0.35); writes bench-results/engine.json.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { initBackend } from "../src/backend.js";
import { fileBottleneckStore } from "../src/extraction/bottleneck-store.js";
import { extractBottlenecks } from "../src/extraction/extract-bottlenecks.js";
import { createExtractionPool } from "../src/extraction/worker-pool.js";
import type { InferenceChoice } from "../src/inference/inference-plan.js";
import { ensureOnnxBaseModel } from "../src/inference/onnx-cache.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { DEFAULTS } from "../src/pipeline/retrain-options.js";
import { createHeadModel } from "../src/training/head-model.js";
import { createOptimizer } from "../src/training/optimizer.js";
import { trainHead } from "../src/training/train-head.js";
import { blobs, nsfwjsInceptionFolder, sharedDir, tempDir } from "../test/fixtures.js";
import { networkAlone } from "./network-alone.js";

const { values } = parseArgs({ options: { images: { type: "string", default: "1000" } } });
const imageCount = Number(values.images);
const shared = sharedDir();
const headBackend = await initBackend("auto");
const cores = os.availableParallelism();
const work = await tempDir("engine-bench");
const flowers = path.join(shared, "datasets/flowers_small");
const files: string[] = [];
for (const label of (await readdir(flowers)).sort())
  for (const f of (await readdir(path.join(flowers, label))).sort().slice(0, Math.ceil(imageCount / 5)))
    files.push(path.join(flowers, label, f));
const paths = files.slice(0, imageCount);
// Read once, so every measured pass finds the files in the page cache alike (the first is not penalised).
for (const p of paths) await readFile(p);
const mobilenet = await resolveBaseModel(path.join(shared, "models/mobilenet_v2_035_224_notop"), { cacheDir: work });
const inceptionDir = path.join(work, "inception_v3");
await nsfwjsInceptionFolder(inceptionDir);
const inception = await resolveBaseModel(inceptionDir, { cacheDir: work });

/** Files on disk to vectors in a fresh file store, after a warm-up batch per worker. */
async function extraction(
  model: typeof mobilenet,
  inference: InferenceChoice,
  images: string[],
  threads = cores,
  intraOpThreads = 1,
) {
  const pool = await createExtractionPool({
    spec: model.spec,
    dir: model.dir,
    inference,
    cacheDir: work,
    resize: "center-crop",
    threads,
    intraOpThreads,
  });
  try {
    const warm = images.slice(0, pool.batchSize).map((p) => ({ name: p, path: p }));
    await Promise.all(Array.from({ length: threads }, () => pool.run(warm)));
    const store = fileBottleneckStore(await tempDir("bench-store"));
    const jobs = images.map((p) => ({ key: path.basename(p), item: { name: p, path: p } }));
    const summary = await extractBottlenecks(jobs, { pool, store });
    return { backend: pool.backend, threads, intraOpThreads, imagesPerSecond: summary.imagesPerSecond };
  } finally {
    await pool.close();
  }
}

const f = (x: number, d = 1) => x.toFixed(d);
console.error(`${cores} cores, ${paths.length} flowers_small images; heads on TensorFlow.js ${headBackend}`);
// Threading first: it also warms every code path, so the headline pair below compares like with like.
const threading = [];
for (const [threads, intra] of [
  [1, 1],
  [1, 2],
  [2, 1],
  [2, 2],
] as const) {
  const r = await extraction(mobilenet, "onnxruntime", paths.slice(0, 600), threads, intra);
  threading.push(r);
  console.log(`onnxruntime ${threads} worker(s) x ${intra} intra-op thread(s): ${f(r.imagesPerSecond)} images/s`);
}
const onnx = await extraction(mobilenet, "onnxruntime", paths);
const wasm = await extraction(mobilenet, "wasm", paths);
console.log(`MobileNetV2-0.35 extraction, files to stored vectors, ${cores} workers:`);
console.log(
  `  onnxruntime ${f(onnx.imagesPerSecond)} images/s, wasm ${f(wasm.imagesPerSecond)} images/s: ${f(onnx.imagesPerSecond / wasm.imagesPerSecond, 2)}x (targets: >= 400 images/s, >= 6x)`,
);
const inceptionImages = paths.slice(0, 96);
const inceptionOnnx = await extraction(inception, "onnxruntime", inceptionImages);
const inceptionWasm = await extraction(inception, "wasm", inceptionImages);
console.log(
  `Inception-v3 (299) extraction: onnxruntime ${f(inceptionOnnx.imagesPerSecond)} images/s, wasm ${f(inceptionWasm.imagesPerSecond)} images/s (target >= 20)`,
);
const converted = await ensureOnnxBaseModel(mobilenet.spec, mobilenet.dir, work);
if ("unsupported" in converted) throw new Error(converted.unsupported);
const gflop = converted.flops / 1e9;
const one = await networkAlone(converted.path, mobilenet.spec.inputSize, paths, 1);
const two = await networkAlone(converted.path, mobilenet.spec.inputSize, paths, cores);
const peak = 80 * cores; // GFLOP/s: the figure for these cores (AVX2 FMA at about 2.5 GHz)
console.log(
  `network alone (${f(gflop, 3)} GFLOP an image): 1 worker ${f(one)} images/s (${f(one * gflop)} GFLOP/s), ${cores} workers ${f(two)} images/s (${f(two * gflop)} GFLOP/s) against a peak of about ${peak} GFLOP/s: ${f((two * gflop * 100) / peak)}%`,
);
const vectors = blobs(4317, 1280, 5, 11, 2);
const head = createHeadModel({ featureDim: 1280, numClasses: 5, seed: 1 });
const training = await trainHead(head, createOptimizer(DEFAULTS.optimizer), vectors, undefined, {
  ...DEFAULTS.training,
  epochs: 50,
  earlyStoppingPatience: undefined,
});
console.log(`train head 4317x1280, 50 epochs on ${headBackend}: ${f(training.seconds)} s (target <= 15 s)`);

const results = {
  date: new Date().toISOString(),
  cores,
  images: paths.length,
  extraction: {
    onnxruntime: onnx,
    wasm,
    ratio: onnx.imagesPerSecond / wasm.imagesPerSecond,
    targets: { imagesPerSecond: 400, ratio: 6 },
  },
  onnxThreading: threading,
  inception: { onnxruntime: inceptionOnnx, wasm: inceptionWasm, target: 20 },
  network: {
    gflopPerImage: gflop,
    oneThread: { imagesPerSecond: one, gflops: one * gflop },
    allCores: { imagesPerSecond: two, gflops: two * gflop },
    peakGflops: peak,
  },
  training: { vectors: 4317, dim: 1280, epochs: 50, backend: headBackend, seconds: training.seconds, target: 15 },
};
await mkdir("bench-results", { recursive: true });
await writeFile("bench-results/engine.json", JSON.stringify(results, null, 2));
process.exit(0);
