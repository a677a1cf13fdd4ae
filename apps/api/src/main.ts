// The API process: `DATABASE_URL=... API_PORT=4000 tsx apps/api/src/main.ts`.
import path from "node:path";
import { createPrismaClient } from "@retrain/db";
import { initBackend, parseBackendChoice } from "@retrain/engine";
import { openJobQueue } from "@retrain/jobs";
import { startApiServer } from "./server.js";
import { syncCatalog } from "./services/base-model-service.js";
import { createServices } from "./services/index.js";
import { appVersion } from "./version.js";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: start the whole product with `npm start`, or set it to a PostgreSQL URL.");
  process.exit(1);
}
const port = Number(process.env.API_PORT ?? 4000);
const backend = await initBackend(parseBackendChoice(process.env.TFJS_BACKEND));
const db = createPrismaClient(databaseUrl);
const queue = await openJobQueue(databaseUrl, { expireInSeconds: Number(process.env.JOB_EXPIRE_SECONDS ?? 3600) });
await syncCatalog(db);
const modelCacheDir = process.env.MODEL_CACHE_DIR ?? path.resolve(".data", "models");
const api = await startApiServer(createServices(db, { version: appVersion, backend, queue, modelCacheDir }), db, {
  port,
  modelCacheDir,
});
console.log(`api: GraphQL at ${api.url} (TensorFlow.js backend: ${backend})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await api.stop();
    await queue.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
