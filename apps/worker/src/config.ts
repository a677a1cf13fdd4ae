import {
  blobStoreSettings,
  databaseUrl,
  modelSettings,
  operationsSettings,
  setting,
  webhookSettings,
} from "@retrain/config";
import { z } from "zod";

/** Every setting the worker reads, with its type, default and meaning (docs/settings.md lists them too). */
export const workerSettings = z.object({
  DATABASE_URL: databaseUrl,
  ...blobStoreSettings,
  EXTRACTION_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Worker threads for bottleneck extraction (default: one per core)."),
  TRAINING_MEMORY_MB: z.coerce
    .number()
    .min(0)
    .default(256)
    .describe(
      "A training split whose vectors take more than this is written to a local file (in TMPDIR, shuffled once) and read a block at a time, so a run's memory does not grow with the dataset.",
    ),
  EXTRACTION_CHUNK_SIZE: setting.positive(
    256,
    "Images a worker claims at a time from an extraction it shares with other workers (their vectors are stored in one insert).",
  ),
  EXTRACTION_CLAIM_SECONDS: setting.positive(
    60,
    "How long a claimed chunk stays with its worker without renewal (renewed a third of the way): a dead worker's chunk goes to another after this.",
  ),
  JOB_LEASE_SECONDS: setting.positive(
    20,
    "A worker renews its hold on a job this often (a third of it); a job whose worker stops renewing goes to another.",
  ),
  JOB_MAX_ATTEMPTS: setting.positive(
    3,
    "Times a job is taken up (its workers dying, unexpected errors) before it fails.",
  ),
  JOB_MAINTENANCE_SECONDS: setting.positive(30, "How often the queue looks for messages past their expiry."),
  HEALTH_REFRESH_SECONDS: setting.positive(
    60,
    "How often a dataset whose images, labels or splits changed since its health check is checked again.",
  ),
  DRIFT_CHECK_SECONDS: setting.positive(
    3600,
    "How often what each alias served is checked for drift (a drift.detected event at most once a day per alias).",
  ),
  KEPT_IMAGE_DAYS: setting.positive(
    90,
    "Days an image kept for the review queue (predict keep: true) stays; the prediction itself is kept.",
  ),
  SHUTDOWN_SECONDS: setting.positive(10, "On SIGTERM, how long running jobs get to reach a boundary and hand back."),
  WORKER_HEALTH_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe(
      "Port of the worker's /healthz (200 while it takes jobs; 503 when stopping), on METRICS_HOST; none when unset.",
    ),
  ...modelSettings,
  ...webhookSettings,
  ...operationsSettings,
});

export type WorkerConfig = z.infer<typeof workerSettings>;
