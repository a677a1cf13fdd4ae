// Prediction benchmark through the running API: `pnpm bench:predict` from the repository root.
// Sets up a throw-away product (embedded PostgreSQL, the API and a worker as processes), trains a
// MobileNetV2-0.35 head and an EfficientNet-B0 head on 90 flowers_small photos (EfficientNet fetched by the
// product from the npm registry), promotes each to production, then measures one 224x224 JPEG prediction
// through the alias, in this one run: MobileNetV2-0.35 with the base model on TensorFlow.js (WebAssembly)
// and on ONNX Runtime (worker threads against ONNX Runtime threads), EfficientNet-B0 on ONNX Runtime with
// the same thread choices and with the product's default (chosen by the model's size): latency (median, p99)
// for one client, throughput for one and for 16 concurrent clients. The clients run in this process, the
// API in its own. Needs ../shared. Writes bench-results/predict.json.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sharedDir, startThrowawayProduct, trainedFlowersWorkspace } from "@retrain/testing";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "../../..");
// The services as they ship: compiled by `pnpm build`, which the npm script runs first.
const product = await startThrowawayProduct("bench", { compiled: true });
let token = "";

type Threads = { workers: number; intraOp: number };

async function measure(experimentId: string, photo: Buffer, inference: string, threads?: Threads, model = "") {
  const api = await product.startApi({
    INFERENCE_BACKEND: inference,
    ...(threads
      ? { PREDICTION_THREADS: String(threads.workers), PREDICTION_INTRA_OP_THREADS: String(threads.intraOp) }
      : {}),
  });
  const body = JSON.stringify({
    query:
      'mutation($e: ID!, $i: [PredictImageInput!]) { predict(experimentId: $e, alias: "production", images: $i, topK: 3) { latencyMs } }',
    variables: { e: experimentId, i: [{ base64: photo.toString("base64") }] },
  });
  const predict = async () => {
    const t0 = performance.now();
    const res = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });
    const answer = (await res.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return performance.now() - t0;
  };
  try {
    for (let i = 0; i < 20; i++) await predict(); // warm-up: model load, conversion, kernels
    const latencies: number[] = [];
    const t1 = performance.now();
    for (let i = 0; i < 200; i++) latencies.push(await predict());
    const single = 200 / ((performance.now() - t1) / 1000);
    latencies.sort((a, b) => a - b);
    const t2 = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 40; i++) await predict();
      }),
    );
    const concurrent = 640 / ((performance.now() - t2) / 1000);
    const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    const label = `${model}${inference}${threads ? ` ${threads.workers} worker x ${threads.intraOp} thread` : " default threads"}`;
    console.log(
      `${label.padEnd(36)} median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ` +
        `1 client ${single.toFixed(1)}/s, 16 clients ${concurrent.toFixed(1)}/s`,
    );
    return { threads, medianMs: median, p99Ms: p99, oneClientPerSecond: single, sixteenClientsPerSecond: concurrent };
  } finally {
    api.kill();
    await api.exited;
  }
}

try {
  const setup = await product.startApi();
  const worker = await product.startWorker();
  const trained = await trainedFlowersWorkspace(setup.url, "bench@example.com");
  ({ token } = trained);
  const { experimentId } = trained;
  const efficient = await trainedFlowersWorkspace(setup.url, "bench-efficientnet@example.com", "efficientnet_b0_224");
  setup.kill();
  worker.kill();
  const flowers = path.join(sharedDir(), "datasets/flowers_small");
  const photo = await sharp(path.join(flowers, "rose", (await readdir(path.join(flowers, "rose")))[0] ?? ""))
    .resize(224, 224)
    .jpeg()
    .toBuffer();
  const wasm = await measure(experimentId, photo, "wasm");
  // Worker threads against ONNX Runtime's own threads, and the mix: the fastest is the default.
  const measured = [];
  for (const threads of [
    { workers: 1, intraOp: 1 },
    { workers: 1, intraOp: 2 },
    { workers: 2, intraOp: 1 },
  ])
    measured.push(await measure(experimentId, photo, "onnxruntime", threads));
  const onnx = measured.reduce((a, b) => (b.sixteenClientsPerSecond > a.sixteenClientsPerSecond ? b : a));
  const efficientToken = efficient.token;
  const mobileToken = token;
  token = efficientToken;
  const efficientNet = [];
  for (const threads of [undefined, { workers: 1, intraOp: 2 }, { workers: 2, intraOp: 1 }])
    efficientNet.push(await measure(efficient.experimentId, photo, "onnxruntime", threads, "EfficientNet-B0 "));
  token = mobileToken;
  const results = {
    date: new Date().toISOString(),
    cores: os.availableParallelism(),
    wasm,
    onnxruntime: onnx,
    onnxruntimeThreads: measured,
    sixteenClientRatio: onnx.sixteenClientsPerSecond / wasm.sixteenClientsPerSecond,
    efficientNet: { defaultThreads: efficientNet[0], choices: efficientNet.slice(1) },
    targets: { medianMs: 15, sixteenClientRatio: 4, efficientNetMedianMs: 15 },
  };
  console.log(
    `ONNX Runtime (${onnx.threads?.workers} x ${onnx.threads?.intraOp}) against WebAssembly, 16 clients: ` +
      `${results.sixteenClientRatio.toFixed(2)}x; median ${onnx.medianMs.toFixed(1)} ms (target <= 15 ms)`,
  );
  console.log(
    `EfficientNet-B0 through the API, one client, default threads: median ${efficientNet[0]?.medianMs.toFixed(1)} ms (target <= 15 ms)`,
  );
  await mkdir(path.join(root, "bench-results"), { recursive: true });
  await writeFile(path.join(root, "bench-results/predict.json"), JSON.stringify(results, null, 2));
} finally {
  await product.stop();
}
