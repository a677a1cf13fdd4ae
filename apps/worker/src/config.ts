import { databaseUrl, modelSettings, setting } from "@retrain/config";
import { z } from "zod";

/** Every setting the worker reads, with its type, default and meaning (the README's table lists them too). */
export const workerSettings = z.object({
  DATABASE_URL: databaseUrl,
  EXTRACTION_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Worker threads for bottleneck extraction (default: one per core)."),
  JOB_MAINTENANCE_SECONDS: setting.positive(30, "How often the queue looks for jobs whose worker died."),
  ...modelSettings,
});

export type WorkerConfig = z.infer<typeof workerSettings>;
