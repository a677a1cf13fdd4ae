// Starts the whole product: the database (embedded PostgreSQL unless DATABASE_URL is set, migrated), the
// GraphQL API, the worker and the dashboard, each restarted if it dies. Ctrl-C or SIGTERM stops all of them,
// the database last.
// Run through `npm start` (scripts/bootstrap.mjs), which installs and builds first.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, PostgresAlreadyRunningError } from "@retrain/db/local";
import { supervise } from "./lib/supervisor.js";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const env = process.env;
const apiPort = Number(env.API_PORT ?? 4000);
const webPort = Number(env.WEB_PORT ?? 3000);
const bin = (name: string, dir = root) => path.join(dir, "node_modules", ".bin", name);
const webDir = path.join(root, "apps", "web");

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.POSTGRES_DATA_DIR ?? path.join(root, ".data", "postgres"),
    port: Number(env.POSTGRES_PORT ?? 54329),
    database: "retrain_studio",
    log: (line) => console.log(`[db] ${line}`),
  });
} catch (error) {
  console.error(
    error instanceof PostgresAlreadyRunningError ? error.message : `Database failed: ${(error as Error).stack}`,
  );
  process.exit(1);
}
const where = database.embedded ? "embedded PostgreSQL in .data/postgres" : "DATABASE_URL";
console.log(`[db] ${where} ready, ${database.appliedMigrations.length} migration(s) applied now`);

const childEnv = {
  ...env,
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  API_PORT: String(apiPort),
  // The dashboard's own origins may send the session cookie to the API and open its WebSockets.
  WEB_ORIGINS: env.WEB_ORIGINS ?? `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
const services = supervise([
  { name: "api", command: bin("tsx"), args: ["apps/api/src/main.ts"], cwd: root, env: childEnv },
  { name: "worker", command: bin("tsx"), args: ["apps/worker/src/main.ts"], cwd: root, env: childEnv },
  {
    name: "web",
    // Next.js behind a small server that also passes live updates' WebSockets through to the API.
    command: bin("tsx"),
    args: [path.join(webDir, "server.ts")],
    cwd: webDir,
    env: { ...childEnv, PORT: String(webPort), API_URL: env.API_URL ?? `http://localhost:${apiPort}/graphql` },
  },
]);
console.log(
  `\nRetrain Studio is starting:\n  dashboard  http://localhost:${webPort}\n  API        http://localhost:${apiPort}/graphql\n  database   ${where}\nPress Ctrl-C to stop.\n`,
);

let stopping = false;
async function shutdown(): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping Retrain Studio...");
    await services.stop();
    await database.stop();
    console.log("Stopped.");
  }
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
