export { Counter, Gauge, Histogram, type Registry } from "prom-client";
export { activeTraceparent, inJobSpan } from "./job-trace.js";
export {
  createLogger,
  LOG_LEVELS,
  type LogFormat,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  loggingFromEnv,
  REDACTED_PATHS,
} from "./logger.js";
export { createRegistry, LATENCY_BUCKETS, metricsAnswer, type PoolUse, poolGauge } from "./metrics.js";
export { type OpsAnswer, type OpsRoutes, type OpsServer, startOpsServer } from "./ops-server.js";
