// The worker process: runs background jobs (bottleneck extraction, training runs, archive imports) from the
// Postgres-backed queue. Start as many as you like, on any machines, against the same database.
import path from "node:path";
import { createPrismaClient } from "@retrain/db";
import { initBackend, parseBackendChoice } from "@retrain/engine";
import { openJobQueue } from "@retrain/jobs";
import { runExtractJob } from "./jobs/extract-job.js";
import { runImportArchiveJob } from "./jobs/import-archive-job.js";
import { runTrainJob } from "./jobs/train-job.js";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: start the whole product with `npm start`, or set it to a PostgreSQL URL.");
  process.exit(1);
}
const backendChoice = parseBackendChoice(process.env.TFJS_BACKEND);
const backend = await initBackend(backendChoice);
const db = createPrismaClient(databaseUrl, { max: 4 });
const queue = await openJobQueue(databaseUrl, {
  expireInSeconds: Number(process.env.JOB_EXPIRE_SECONDS ?? 3600),
  maintenanceIntervalSeconds: Number(process.env.JOB_MAINTENANCE_SECONDS ?? 30),
});
const deps = {
  db,
  backend: backendChoice,
  modelCacheDir: process.env.MODEL_CACHE_DIR ?? path.resolve(".data", "models"),
  threads: process.env.EXTRACTION_THREADS ? Number(process.env.EXTRACTION_THREADS) : undefined,
};
await queue.work("extract", ({ jobId }) => runExtractJob(deps, jobId));
await queue.work("train", ({ runId }) => runTrainJob(deps, runId));
await queue.work("import", ({ jobId }) => runImportArchiveJob(deps, jobId));
console.log(`worker: ready, waiting for jobs (TensorFlow.js backend: ${backend})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await queue.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
