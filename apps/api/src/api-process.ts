// The API process, once tracing is on (./main.ts): its settings, services, server and metrics.
import { ConfigError, loadConfig, objectStoreOptions } from "@retrain/config";
import { createPrismaClient, openChangeFeed } from "@retrain/db";
import { inferenceBackendName, initBackend } from "@retrain/engine";
import { openJobQueue } from "@retrain/jobs";
import { metricsAnswer, startOpsServer } from "@retrain/telemetry";
import { stopTracing } from "@retrain/telemetry/tracing";
import { apiSettings, browserUploadOrigins, serverOptionsFrom, serviceOptionsFrom } from "./config.js";
import { registry, watchDatabase } from "./observability/api-metrics.js";
import { log } from "./observability/log.js";
import { startApiServer } from "./server.js";
import { syncCatalog } from "./services/base-models/base-model-service.js";
import { createServices } from "./services/index.js";
import { appVersion } from "./version.js";

let config: ReturnType<typeof loadConfig<typeof apiSettings>>;
let storeOptions: ReturnType<typeof objectStoreOptions>;
let uploadOrigins: string[] | null;
try {
  config = loadConfig(apiSettings);
  storeOptions = objectStoreOptions(config);
  uploadOrigins = browserUploadOrigins(config, config.BLOB_STORE);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`api: ${error.message}\nStart the whole product with \`npm start\`, or set these variables.`);
  process.exit(1);
}
const backend = await initBackend(config.TFJS_BACKEND);
// The AWS SDK is loaded only when S3 is configured (start-up time and memory of every other process).
const objectStore = storeOptions ? (await import("@retrain/db/s3")).s3ObjectStore(storeOptions) : undefined;
await objectStore?.ensureBucket();
if (uploadOrigins) await objectStore?.allowBrowserUploads(uploadOrigins);
const db = createPrismaClient(config.DATABASE_URL, { objectStore });
const queue = await openJobQueue(config.DATABASE_URL, { expireInSeconds: config.JOB_EXPIRE_SECONDS });
const changes = openChangeFeed(config.DATABASE_URL, {
  onError: (error) => log.warn({ err: error }, "the change feed lost its connection; reconnecting"),
});
await syncCatalog(db);
const inferenceBackend = await inferenceBackendName(config.INFERENCE_BACKEND, backend);
const services = createServices(db, {
  version: appVersion,
  backend,
  inferenceBackend,
  queue,
  changes,
  ...serviceOptionsFrom(config),
});
const api = await startApiServer(services, db, serverOptionsFrom(config));
watchDatabase(db);
const metrics =
  config.METRICS_PORT === undefined
    ? null
    : await startOpsServer(
        { "/metrics": () => metricsAnswer(registry) },
        { port: config.METRICS_PORT, host: config.METRICS_HOST },
      );
log.info(
  {
    url: api.url,
    metrics: metrics && `${metrics.url}/metrics`,
    inferenceBackend,
    tfjsBackend: backend,
    blobs: objectStore?.description ?? "postgres",
  },
  `GraphQL at ${api.url} (base models: ${inferenceBackend}; TensorFlow.js: ${backend}; blobs: ${objectStore?.description ?? "PostgreSQL"})`,
);

/** SIGTERM: finish the requests in flight (Apollo drains the server), write what is buffered, then leave. */
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    setTimeout(() => process.exit(1), 15_000).unref();
    await api.stop();
    await metrics?.close();
    await services.predictions.close();
    await queue.stop();
    await changes.close();
    await db.$disconnect();
    await stopTracing();
    process.exit(0);
  });
}
