import { createLogger, loggingFromEnv } from "@retrain/telemetry";

/** The API's logger; LOG_LEVEL and LOG_FORMAT as apiSettings checks them. */
export const log = createLogger("api", loggingFromEnv(process.env));
