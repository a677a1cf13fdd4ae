import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { decodeImage } from "../src/images/decode-image.js";
import { loadOnnxRuntime } from "../src/onnx/onnx-runtime.js";

/** One ONNX Runtime session (one thread) running decoded batches of 4 for five seconds, in a worker thread. */
const NETWORK_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const ort = require(workerData.ort);
(async () => {
  const session = await ort.InferenceSession.create(workerData.model, {
    graphOptimizationLevel: "all", intraOpNumThreads: 1, extra: workerData.extra });
  const x = new ort.Tensor("uint8", new Uint8Array(workerData.batch), [4, workerData.size, workerData.size, 3]);
  for (let i = 0; i < 5; i++) await session.run({ pixels: x });
  const started = performance.now();
  let images = 0;
  while (performance.now() - started < 5000) { await session.run({ pixels: x }); images += 4; }
  parentPort.postMessage(images / ((performance.now() - started) / 1000));
})();`;

/**
 * A converted base model alone on ONNX Runtime (decoded photos in memory, no decoding or storing): `workers`
 * sessions of one thread side by side, images a second in all. The session options are the product's.
 */
export async function networkAlone(onnxPath: string, size: number, photos: string[], workers: number) {
  await loadOnnxRuntime(); // in the main thread first, as worker threads need
  const batch = new Uint8Array(4 * size * size * 3);
  for (const [i, p] of photos.slice(0, 4).entries())
    batch.set((await decodeImage(p, p, { size })).pixels, i * size * size * 3);
  const workerData = {
    ort: createRequire(import.meta.url).resolve("onnxruntime-node"),
    model: onnxPath,
    batch,
    size,
    extra: { "optimization.disable_specified_optimizers": "QuickGeluFusion" },
  };
  const rates = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(NETWORK_WORKER, { eval: true, workerData });
          worker.once("message", (rate: number) => void worker.terminate().then(() => resolve(rate)));
          worker.once("error", reject);
        }),
    ),
  );
  return rates.reduce((a, b) => a + b, 0);
}
