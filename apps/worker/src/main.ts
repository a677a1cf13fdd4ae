// The worker process: runs background jobs (extraction, training, archive imports) from the
// Postgres-backed queue. `DATABASE_URL=... tsx apps/worker/src/main.ts`.
import { createPrismaClient } from "@retrain/db";
import { initBackend, parseBackendChoice } from "@retrain/engine";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: start the whole product with `npm start`, or set it to a PostgreSQL URL.");
  process.exit(1);
}
const backend = await initBackend(parseBackendChoice(process.env.TFJS_BACKEND));
const db = createPrismaClient(databaseUrl, { max: 4 });
await db.$queryRaw`SELECT 1`;
console.log(`worker: ready, waiting for jobs (TensorFlow.js backend: ${backend})`);

const keepAlive = setInterval(() => {}, 1 << 30);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    clearInterval(keepAlive);
    await db.$disconnect();
    process.exit(0);
  });
}
