// Prediction benchmark through the running API: `pnpm bench:predict` from the repository root.
// Sets up a throw-away product (embedded PostgreSQL, the API and a worker as processes), trains a
// MobileNetV2-0.35 head on 90 flowers_small photos, promotes it to production, then measures one 224x224
// JPEG prediction through the alias with the base model on TensorFlow.js (WebAssembly) and on ONNX Runtime
// (worker threads against ONNX Runtime threads), in this one run: latency (median, p99) for one client,
// throughput for one and for 16 concurrent clients. The clients run in this process, the API in its own.
// Needs ../shared. Writes bench-results/predict.json.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@retrain/db";
import { freePort, sharedDir } from "@retrain/testing";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "../../..");
const work = await mkdtemp(path.join(os.tmpdir(), "retrain-bench-"));
const modelCacheDir = path.join(work, "models");
await cp(
  path.join(sharedDir(), "models/mobilenet_v2_035_224_notop"),
  path.join(modelCacheDir, "mobilenet_v2_035_224"),
  {
    recursive: true,
  },
);
const database = await openDatabase({ dataDir: path.join(work, "pg"), port: await freePort(), database: "bench" });
const env = { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, MODEL_CACHE_DIR: modelCacheDir };
const tsx = path.join(root, "node_modules/.bin/tsx");
const children: ChildProcess[] = [];
const start = (script: string, extra: Record<string, string> = {}) => {
  const log = openSync(
    path.join(work, `${path.basename(path.dirname(path.dirname(script)))}-${children.length}.log`),
    "w",
  );
  const child = spawn(tsx, [path.join(root, script)], {
    env: { ...env, ...extra },
    stdio: ["ignore", log, log],
    detached: true,
  });
  children.push(child);
  return child;
};
const stop = (child: ChildProcess) => {
  try {
    process.kill(-(child.pid ?? 0), "SIGKILL");
  } catch {}
};

/** Starts an API process with these settings and waits until it answers. */
async function startApi(settings: Record<string, string>) {
  const port = await freePort();
  const child = start("apps/api/src/main.ts", { API_PORT: String(port), API_HOST: "127.0.0.1", ...settings });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok } }" }),
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop: () => stop(child) };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the API did not start");
}

let token = "";
async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A trained head behind the production alias of an experiment; returns the experiment's id. */
async function trainedExperiment(url: string): Promise<string> {
  const q = <T>(query: string, variables?: Record<string, unknown>) => gql<T>(url, query, variables);
  token = (
    await q<{ signUp: { sessionToken: string } }>(
      'mutation { signUp(email: "bench@example.com", name: "Bench", password: "bench-password") { sessionToken } }',
    )
  ).signUp.sessionToken;
  const w = (await q<{ createWorkspace: { id: string } }>('mutation { createWorkspace(name: "Bench") { id } }'))
    .createWorkspace.id;
  const d = (
    await q<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "f") { id } }',
      {
        w,
      },
    )
  ).createDataset.id;
  const flowers = path.join(sharedDir(), "datasets/flowers_small");
  for (const label of ["daisy", "sunflower", "tulip"]) {
    const names = (await readdir(path.join(flowers, label))).sort().slice(0, 30);
    const f = await Promise.all(
      names.map(async (n) => ({
        name: `${label}/${n}`,
        label,
        base64: (await readFile(path.join(flowers, label, n))).toString("base64"),
      })),
    );
    await q("mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
      d,
      f,
    });
  }
  const models = await q<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }");
  const m = models.baseModels.find((x) => x.key === "mobilenet_v2_035_224")?.id;
  const e = (
    await q<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "bench") { id } }',
      { d, m },
    )
  ).createExperiment.id;
  const runId = (
    await q<{ startRun: { id: string } }>("mutation($e: ID!) { startRun(experimentId: $e) { id } }", { e })
  ).startRun.id;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const { run } = await q<{ run: { status: string; checkpoints: { nodes?: unknown; id: string }[] } }>(
      "query($id: ID!) { run(id: $id) { status checkpoints { id } } }",
      { id: runId },
    );
    if (run.status === "FAILED") throw new Error("training failed");
    const c = run.checkpoints[0]?.id;
    if (c) {
      await q("mutation($c: ID!) { promoteCheckpoint(checkpointId: $c) { id } }", { c });
      return e;
    }
  }
  throw new Error("training did not finish");
}

type Threads = { workers: number; intraOp: number };

async function measure(experimentId: string, photo: Buffer, inference: string, threads?: Threads) {
  const api = await startApi({
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
    const label = `${inference}${threads ? ` ${threads.workers} worker x ${threads.intraOp} thread` : ""}`;
    console.log(
      `${label.padEnd(36)} median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ` +
        `1 client ${single.toFixed(1)}/s, 16 clients ${concurrent.toFixed(1)}/s`,
    );
    return { threads, medianMs: median, p99Ms: p99, oneClientPerSecond: single, sixteenClientsPerSecond: concurrent };
  } finally {
    api.stop();
  }
}

try {
  const setup = await startApi({});
  start("apps/worker/src/main.ts");
  const experimentId = await trainedExperiment(setup.url);
  setup.stop();
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
  const results = {
    date: new Date().toISOString(),
    cores: os.availableParallelism(),
    wasm,
    onnxruntime: onnx,
    onnxruntimeThreads: measured,
    sixteenClientRatio: onnx.sixteenClientsPerSecond / wasm.sixteenClientsPerSecond,
    targets: { medianMs: 15, sixteenClientRatio: 4 },
  };
  console.log(
    `ONNX Runtime (${onnx.threads?.workers} x ${onnx.threads?.intraOp}) against WebAssembly, 16 clients: ` +
      `${results.sixteenClientRatio.toFixed(2)}x; median ${onnx.medianMs.toFixed(1)} ms (target <= 15 ms)`,
  );
  await mkdir(path.join(root, "bench-results"), { recursive: true });
  await writeFile(path.join(root, "bench-results/predict.json"), JSON.stringify(results, null, 2));
} finally {
  for (const child of children) stop(child);
  await database.stop();
}
