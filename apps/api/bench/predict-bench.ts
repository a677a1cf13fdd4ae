// Prediction benchmark through the running API: `pnpm bench:predict` from the repository root.
// Sets up a throw-away product (embedded PostgreSQL, the API, a worker), trains a MobileNetV2-0.35 head on
// 90 flowers_small photos, then measures one 224x224 JPEG prediction: latency (median, p99) for one client,
// and throughput with 16 concurrent clients against one. Needs ../shared. Writes bench-results/predict.json.
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "@retrain/config";
import { createPrismaClient, openDatabase } from "@retrain/db";
import { openJobQueue } from "@retrain/jobs";
import { sharedDir } from "@retrain/testing";
import sharp from "sharp";
import { apiSettings, serverOptionsFrom, serviceOptionsFrom } from "../src/config.js";
import { startApiServer } from "../src/server.js";
import { syncCatalog } from "../src/services/base-model-service.js";
import { createServices } from "../src/services/index.js";

const root = path.resolve(import.meta.dirname, "../../..");
const work = await mkdtemp(path.join(os.tmpdir(), "retrain-bench-"));
const modelCacheDir = path.join(work, "models");
await cp(
  path.join(sharedDir(), "models/mobilenet_v2_035_224_notop"),
  path.join(modelCacheDir, "mobilenet_v2_035_224"),
  { recursive: true },
);
const database = await openDatabase({
  dataDir: path.join(work, "pg"),
  port: 54400 + Math.floor(Math.random() * 500),
  database: "bench",
});
const db = createPrismaClient(database.url);
const queue = await openJobQueue(database.url);
await syncCatalog(db);
const config = loadConfig(apiSettings, {
  DATABASE_URL: database.url,
  API_PORT: "0",
  API_HOST: "127.0.0.1",
  MODEL_CACHE_DIR: modelCacheDir,
  EXPORT_DIR: path.join(work, "exports"),
});
const services = createServices(db, { version: "bench", backend: "wasm", queue, ...serviceOptionsFrom(config) });
const api = await startApiServer(services, db, serverOptionsFrom(config));
const worker = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "apps/worker/src/main.ts")], {
  env: { ...process.env, DATABASE_URL: database.url, MODEL_CACHE_DIR: modelCacheDir },
  stdio: "ignore",
  detached: true,
});

let token = "";
async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

try {
  token = (
    await gql<{ signUp: { sessionToken: string } }>(
      'mutation { signUp(email: "bench@example.com", name: "Bench", password: "bench-password") { sessionToken } }',
    )
  ).signUp.sessionToken;
  const w = (await gql<{ createWorkspace: { id: string } }>('mutation { createWorkspace(name: "Bench") { id } }'))
    .createWorkspace.id;
  const d = (
    await gql<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "flowers") { id } }',
      { w },
    )
  ).createDataset.id;
  const flowers = path.join(sharedDir(), "datasets/flowers_small");
  for (const label of ["daisy", "sunflower", "tulip"]) {
    const names = (await readdir(path.join(flowers, label))).sort().slice(0, 30);
    const files = await Promise.all(
      names.map(async (n) => ({
        name: `${label}/${n}`,
        label,
        base64: (await readFile(path.join(flowers, label, n))).toString("base64"),
      })),
    );
    await gql("mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
      d,
      f: files,
    });
  }
  const models = await gql<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }");
  const m = models.baseModels.find((x) => x.key === "mobilenet_v2_035_224")?.id;
  const e = (
    await gql<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "bench") { id } }',
      { d, m },
    )
  ).createExperiment.id;
  const runId = (
    await gql<{ startRun: { id: string } }>("mutation($e: ID!) { startRun(experimentId: $e) { id } }", { e })
  ).startRun.id;
  let checkpointId = "";
  for (let i = 0; i < 600 && !checkpointId; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const run = (
      await gql<{ run: { status: string; checkpoints: { id: string }[] } }>(
        "query($id: ID!) { run(id: $id) { status checkpoints { id } } }",
        { id: runId },
      )
    ).run;
    if (run.status === "FAILED") throw new Error("training failed");
    checkpointId = run.checkpoints[0]?.id ?? "";
  }
  const photo = await sharp(path.join(flowers, "rose", (await readdir(path.join(flowers, "rose")))[0] ?? ""))
    .resize(224, 224)
    .jpeg()
    .toBuffer();
  const predict = async () => {
    const t0 = performance.now();
    await gql(
      "mutation($c: ID!, $i: [PredictImageInput!]) { predict(checkpointId: $c, images: $i, topK: 3) { latencyMs } }",
      { c: checkpointId, i: [{ base64: photo.toString("base64") }] },
    );
    return performance.now() - t0;
  };
  for (let i = 0; i < 10; i++) await predict(); // warm-up: model load and kernels

  const latencies: number[] = [];
  const t1 = performance.now();
  for (let i = 0; i < 200; i++) latencies.push(await predict());
  const single = 200 / ((performance.now() - t1) / 1000);
  latencies.sort((a, b) => a - b);
  const t2 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = 0; i < 25; i++) await predict();
    }),
  );
  const concurrent = 400 / ((performance.now() - t2) / 1000);
  const results = {
    date: new Date().toISOString(),
    medianMs: latencies[Math.floor(latencies.length / 2)],
    p99Ms: latencies[Math.floor(latencies.length * 0.99)],
    oneClientPerSecond: single,
    sixteenClientsPerSecond: concurrent,
    ratio: concurrent / single,
    target: 2,
  };
  console.log(`one 224x224 prediction: median ${results.medianMs?.toFixed(1)} ms, p99 ${results.p99Ms?.toFixed(1)} ms`);
  console.log(
    `throughput: 1 client ${single.toFixed(1)}/s, 16 clients ${concurrent.toFixed(1)}/s (${results.ratio.toFixed(2)}x; target >= 2x)`,
  );
  await mkdir(path.join(root, "bench-results"), { recursive: true });
  await writeFile(path.join(root, "bench-results/predict.json"), JSON.stringify(results, null, 2));
} finally {
  try {
    process.kill(-(worker.pid ?? 0), "SIGKILL");
  } catch {}
  await api.stop();
  await queue.stop();
  await db.$disconnect();
  await database.stop();
}
process.exit(0);
