// The worker process: runs background jobs (bottleneck extraction, training runs, archive imports) from the
// Postgres-backed queue. Start as many as you like, on any machines, against the same database.
import { ConfigError, loadConfig } from "@retrain/config";
import { createPrismaClient } from "@retrain/db";
import { initBackend, loadOnnxRuntime } from "@retrain/engine";
import { modelDownloadOptions } from "@retrain/ingest";
import { openJobQueue } from "@retrain/jobs";
import { workerSettings } from "./config.js";
import { runExtractJob } from "./jobs/extract-job.js";
import { runImportArchiveJob } from "./jobs/import-archive-job.js";
import { runTrainJob } from "./jobs/train-job.js";

let config: ReturnType<typeof loadConfig<typeof workerSettings>>;
try {
  config = loadConfig(workerSettings);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`worker: ${error.message}\nStart the whole product with \`npm start\`, or set these variables.`);
  process.exit(1);
}
const backend = await initBackend(config.TFJS_BACKEND);
const db = createPrismaClient(config.DATABASE_URL, { max: 4 });
const queue = await openJobQueue(config.DATABASE_URL, {
  expireInSeconds: config.JOB_EXPIRE_SECONDS,
  maintenanceIntervalSeconds: config.JOB_MAINTENANCE_SECONDS,
});
const deps = {
  db,
  inference: config.INFERENCE_BACKEND,
  modelCacheDir: config.MODEL_CACHE_DIR,
  download: modelDownloadOptions(config),
  threads: config.EXTRACTION_THREADS,
};
await queue.work("extract", ({ jobId }) => runExtractJob(deps, jobId));
await queue.work("train", ({ runId }) => runTrainJob(deps, runId));
await queue.work("import", ({ jobId }) => runImportArchiveJob(deps, jobId));
const native = (await loadOnnxRuntime()) !== null;
console.log(
  `worker: ready, waiting for jobs (base models: ${config.INFERENCE_BACKEND}${native ? ", ONNX Runtime available" : ", ONNX Runtime not available"}; TensorFlow.js: ${backend})`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await queue.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
