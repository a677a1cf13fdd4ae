// Starts the whole product: the database (embedded PostgreSQL unless DATABASE_URL is set, migrated), the
// GraphQL API, the worker and the dashboard. Ctrl-C or SIGTERM stops all of them, the database last.
// Run through `npm start` (scripts/bootstrap.mjs), which installs and builds first.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, PostgresAlreadyRunningError } from "@retrain/db";
import { type Child, startChild, stopChildren } from "./lib/children.js";

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
const children: Child[] = [
  startChild("api", bin("tsx"), ["apps/api/src/main.ts"], { cwd: root, env: childEnv }),
  startChild("worker", bin("tsx"), ["apps/worker/src/main.ts"], { cwd: root, env: childEnv }),
  startChild("web", bin("next", webDir), ["start", "-p", String(webPort)], {
    cwd: webDir,
    env: { ...childEnv, API_URL: env.API_URL ?? `http://localhost:${apiPort}/graphql` },
  }),
];
console.log(
  `\nRetrain Studio is starting:\n  dashboard  http://localhost:${webPort}\n  API        http://localhost:${apiPort}/graphql\n  database   ${where}\nPress Ctrl-C to stop.\n`,
);

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping Retrain Studio...");
    await stopChildren(children);
    await database.stop();
    console.log("Stopped.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const child of children) {
  void child.exited.then((code) => {
    if (!stopping) {
      console.error(`[${child.name}] exited (code ${code}); stopping everything.`);
      void shutdown(1);
    }
  });
}
