// The worker process: runs background jobs (bottleneck extraction, training runs, archive imports, health
// checks) from the Postgres-backed queue. Start as many as you like, on any machines, against the same database.
import { randomUUID } from "node:crypto";
import { ConfigError, loadConfig, objectStoreOptions } from "@retrain/config";
import {
  connectionPoolOf,
  createPrismaClient,
  experimentsRepository,
  imagesRepository,
  jobsRepository,
  openChangeFeed,
} from "@retrain/db";
import { EngineError, inferenceBackendName, initBackend } from "@retrain/engine";
import { ArchiveError } from "@retrain/ingest";
import { JOB_KIND_NAMES, type JobKind, openJobQueue, QUEUE_WAKEUPS_CHANNEL } from "@retrain/jobs";
import { modelDownloadOptions } from "@retrain/models";
import { metricsAnswer, type OpsServer, startOpsServer } from "@retrain/telemetry";
import { stopTracing } from "@retrain/telemetry/tracing";
import { deliverOnce, resendOverdue } from "@retrain/webhooks";
import { workerSettings } from "./config.js";
import { HANDLERS } from "./jobs/handlers.js";
import { helpExtraction } from "./jobs/help-extraction.js";
import { log } from "./observability/log.js";
import { databasePool, registry } from "./observability/worker-metrics.js";
import { startDriftWatch } from "./runner/drift-watch.js";
import { startHealthRefresher } from "./runner/health-refresher.js";
import { startHeartbeat } from "./runner/heartbeat.js";
import { publishJobEnd } from "./runner/job-events.js";
import { JobFailure } from "./runner/job-failure.js";
import { createJobRunner } from "./runner/job-runner.js";
import { every } from "./runner/periodic.js";
import { startReaper } from "./runner/reaper.js";
import { OBJECT_SWEEP_CRON, startRetention, sweepObjectStore } from "./runner/retention.js";

let config: ReturnType<typeof loadConfig<typeof workerSettings>>;
let storeOptions: ReturnType<typeof objectStoreOptions>;
try {
  config = loadConfig(workerSettings);
  storeOptions = objectStoreOptions(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`worker: ${error.message}\nStart the whole product with \`npm start\`, or set these variables.`);
  process.exit(1);
}
const backend = await initBackend(config.TFJS_BACKEND);
const inferenceBackend = await inferenceBackendName(config.INFERENCE_BACKEND, backend);
// The AWS SDK is loaded only when S3 is configured (start-up time and memory of every other process).
const objectStore = storeOptions ? (await import("@retrain/db/s3")).s3ObjectStore(storeOptions) : undefined;
const db = createPrismaClient(config.DATABASE_URL, { max: 4, objectStore });
databasePool.watch(() => connectionPoolOf(db));
// Told when a message is sent, so a job starts now rather than at the next poll (a helper joins at once).
const wakeups = openChangeFeed(config.DATABASE_URL, {
  channel: QUEUE_WAKEUPS_CHANNEL,
  onError: (error) => log.warn({ err: error }, "queue wake-ups lost their connection; polling meanwhile"),
});
const queue = await openJobQueue(config.DATABASE_URL, {
  expireInSeconds: config.JOB_EXPIRE_SECONDS,
  maintenanceIntervalSeconds: config.JOB_MAINTENANCE_SECONDS,
  wakeups,
});
const workerId = randomUUID();
let stopping = false;
const jobs = jobsRepository(db);
const deps = {
  db,
  inference: config.INFERENCE_BACKEND,
  modelCacheDir: config.MODEL_CACHE_DIR,
  download: modelDownloadOptions(config),
  threads: config.EXTRACTION_THREADS,
  chunks: { size: config.EXTRACTION_CHUNK_SIZE, claimSeconds: config.EXTRACTION_CLAIM_SECONDS },
  trainingMemoryBytes: config.TRAINING_MEMORY_MB * 1024 * 1024,
  queue,
};
const runner = createJobRunner({
  db,
  queue,
  workerId,
  leaseSeconds: config.JOB_LEASE_SECONDS,
  maxAttempts: config.JOB_MAX_ATTEMPTS,
  isFinal: (error) => error instanceof JobFailure || error instanceof EngineError || error instanceof ArchiveError,
  // Whoever ends a job (the runner, a reaper), what hangs on it ends too: a run, its extraction, an archive.
  onEnded: async (job, status, error) => {
    if (job.kind === "TRAIN" && job.runId) {
      await jobs.finishUnfinishedOfRun(job.runId, status === "SUCCEEDED" ? "CANCELLED" : status);
      if (status !== "SUCCEEDED")
        await experimentsRepository(db).advanceRun(job.runId, status === "CANCELLED" ? "CANCELLED" : "FAILED", {
          finishedAt: new Date(),
          ...(error ? { error } : {}),
        });
    }
    if (job.kind === "IMPORT_ARCHIVE" && job.inputSha256) {
      await jobs.dropInput(job.id);
      await imagesRepository(db).deleteUnusedBlob(job.inputSha256);
    }
    await publishJobEnd(db, queue, job, status, error);
  },
});
// Every kind in the job registry, each with its handler; a training message from before runs had a job row
// names the run: it gets one.
async function workKind<K extends JobKind>(kind: K) {
  await queue.work(kind, async (payload: { jobId: string } | { runId: string }) => {
    const jobId = "jobId" in payload ? payload.jobId : (await jobs.trainingJobOf(payload.runId))?.id;
    if (jobId) await runner.run(kind, jobId, (ctx) => HANDLERS[kind](deps, ctx));
  });
}
for (const kind of JOB_KIND_NAMES) await workKind(kind);
const delivery = {
  allowHosts: config.WEBHOOK_URL_ALLOW,
  timeoutMs: config.WEBHOOK_TIMEOUT_SECONDS * 1000,
  retry: {
    baseSeconds: config.WEBHOOK_RETRY_BASE_SECONDS,
    giveUpAfterSeconds: config.WEBHOOK_GIVE_UP_HOURS * 3600,
    maxWaitSeconds: 6 * 3600,
  },
};
await queue.workDeliveries((deliveryId) => deliverOnce(db, queue, deliveryId, delivery));
// Chunks of other workers' extractions (each worker takes part in one at a time).
await queue.workExtractionHelp((help) =>
  helpExtraction(deps, help).catch((error: unknown) => log.warn({ err: error, ...help }, "extraction help failed")),
);
// A delivery whose message was lost (sent while the queue was away, a worker killed mid-try) is sent again.
const deliverySweep = every("webhook sweep", 60_000, () => resendOverdue(db, queue, 10 * 60_000));
const driftWatch = startDriftWatch({ db, queue, everyMs: config.DRIFT_CHECK_SECONDS * 1000 });
const reaper = startReaper({ db, queue, runner, maxAttempts: config.JOB_MAX_ATTEMPTS, everyMs: 5000 });
const heartbeat = startHeartbeat(db, { id: workerId, inferenceBackend });
const healthRefresher = startHealthRefresher({ db, queue, everyMs: config.HEALTH_REFRESH_SECONDS * 1000 });
const retention = startRetention({ db, keepDays: config.KEPT_IMAGE_DAYS, everyMs: 3_600_000 });
if (objectStore) {
  await queue.workObjectSweeps(() => sweepObjectStore(db));
  await queue.scheduleObjectSweeps(OBJECT_SWEEP_CRON);
}
/** The worker's operations ports, when set: /healthz for an orchestrator, /metrics for Prometheus. */
const opsServers: OpsServer[] = [];
if (config.WORKER_HEALTH_PORT !== undefined)
  opsServers.push(
    await startOpsServer(
      {
        "/healthz": () =>
          stopping
            ? { status: 503, body: { ok: false, stopping: true } }
            : { status: 200, body: { ok: true, workerId, activeJobs: runner.activeJobs() } },
      },
      { port: config.WORKER_HEALTH_PORT, host: config.METRICS_HOST },
    ),
  );
if (config.METRICS_PORT !== undefined)
  opsServers.push(
    await startOpsServer(
      { "/metrics": () => metricsAnswer(registry) },
      { port: config.METRICS_PORT, host: config.METRICS_HOST },
    ),
  );
log.info(
  { workerId, inferenceBackend, tfjsBackend: backend, ops: opsServers.map((o) => o.url) },
  `worker: ready, waiting for jobs (base models: ${inferenceBackend}; TensorFlow.js: ${backend})`,
);

/** SIGTERM: take nothing new, let running jobs reach a boundary and hand them back, then leave. */
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), (config.SHUTDOWN_SECONDS + 10) * 1000);
  force.unref();
  reaper.stop();
  healthRefresher.stop();
  deliverySweep.stop();
  driftWatch.stop();
  retention.stop();
  await queue.stopTaking();
  await wakeups.close();
  await runner.shutdown(config.SHUTDOWN_SECONDS * 1000);
  await heartbeat.stop();
  await queue.stop().catch(() => {});
  await db.$disconnect();
  await Promise.all(opsServers.map((o) => o.close()));
  await stopTracing();
  log.info("worker: stopped");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
