// Starts the whole product: the database (embedded PostgreSQL unless DATABASE_URL is set, migrated), the
// GraphQL API, the worker and the dashboard, each restarted if it dies. Ctrl-C or SIGTERM stops all of them,
// the database last.
// Run through `npm start` (scripts/bootstrap.mjs), which installs, compiles (dist/start.js) and builds first.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig, serviceProcessEnvironment } from "@retrain/config";
import { openDatabase, PostgresAlreadyRunningError } from "@retrain/db/local";
import { bucketOriginFor, startSettings } from "./lib/start-settings.js";
import { supervise } from "./lib/supervisor.js";

/** The settings, or a clear message and exit code 2 when one is wrong (before anything starts). */
function loadSettingsOrExit() {
  try {
    return loadConfig(startSettings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const env = process.env;
const settings = loadSettingsOrExit();
const apiPort = settings.API_PORT;
const webPort = settings.WEB_PORT;
const bin = (name: string, dir = root) => path.join(dir, "node_modules", ".bin", name);
const webDir = path.join(root, "apps", "web");

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.POSTGRES_DATA_DIR,
    port: settings.POSTGRES_PORT,
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
  ...serviceProcessEnvironment(env),
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  API_PORT: String(apiPort),
  // The dashboard's own origins may send the session cookie to the API and open its WebSockets.
  WEB_ORIGINS: env.WEB_ORIGINS ?? `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // The services write through this terminal: readable lines when a person watches it, JSON otherwise.
  LOG_FORMAT: env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json"),
};
// Compiled by `pnpm build` when this launcher runs compiled (`npm start`), else from TypeScript (dev:start).
const compiled = !import.meta.url.endsWith(".ts");
const run = (source: string, built: string) =>
  compiled
    ? { command: process.execPath, args: ["--enable-source-maps", "--conditions=compiled", path.join(root, built)] }
    : { command: bin("tsx"), args: [path.join(root, source)] };
const services = supervise([
  { name: "api", ...run("apps/api/src/main.ts", "apps/api/dist/main.js"), cwd: root, env: childEnv },
  { name: "worker", ...run("apps/worker/src/main.ts", "apps/worker/dist/main.js"), cwd: root, env: childEnv },
  {
    name: "web",
    // Next.js behind a small server that also passes live updates' WebSockets through to the API.
    ...run("apps/web/server.ts", "apps/web/dist/server.js"),
    cwd: webDir,
    env: {
      ...childEnv,
      PORT: String(webPort),
      API_URL: env.API_URL ?? `http://localhost:${apiPort}/graphql`,
      UPLOAD_ORIGINS: env.UPLOAD_ORIGINS ?? bucketOriginFor(env) ?? "",
    },
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
