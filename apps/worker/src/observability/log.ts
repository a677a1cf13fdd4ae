import { createLogger, loggingFromEnv } from "@retrain/telemetry";

/** The worker's logger; LOG_LEVEL and LOG_FORMAT as workerSettings checks them. Job lines name the job. */
export const log = createLogger("worker", loggingFromEnv(process.env));
