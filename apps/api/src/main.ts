// The API process: `DATABASE_URL=... API_PORT=4000 tsx apps/api/src/main.ts`.
import { createPrismaClient } from "@retrain/db";
import { initBackend, parseBackendChoice } from "@retrain/engine";
import { startApiServer } from "./server.js";
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
const api = await startApiServer(createServices(db, { version: appVersion, backend }), db, { port });
console.log(`api: GraphQL at ${api.url} (TensorFlow.js backend: ${backend})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await api.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
