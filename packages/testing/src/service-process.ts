import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { serviceProcessEnvironment } from "@retrain/config";
import { freePort } from "@retrain/db/local";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

/** An API or worker as its own process, as `npm start` runs it: what tests kill, stop and restart. */
export interface ServiceProcess {
  name: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves once it printed a line containing this (rejects if it exits first). */
  printed(text: string): Promise<void>;
  /** Sends a signal (SIGKILL by default: the out-of-memory killer's way). */
  kill(signal?: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** How a test runs a service: from its TypeScript source (tsx as a loader), or compiled as it ships. */
export interface RunAs {
  /** `node --conditions=compiled apps/<name>/dist/main.js`, built by `pnpm build` (`npm test` runs it). */
  compiled?: boolean;
}

const SOURCES = { api: "apps/api/src/main.ts", worker: "apps/worker/src/main.ts", web: "apps/web/server.ts" };
const COMPILED = { api: "apps/api/dist/main.js", worker: "apps/worker/dist/main.js", web: "apps/web/dist/server.js" };

/** A file `pnpm build` writes, or a clear failure when the build has not run. */
export function compiledFile(relative: string): string {
  const file = path.join(repoRoot, relative);
  if (!existsSync(file)) throw new Error(`${relative} is missing: run \`pnpm build\` first (\`npm test\` does).`);
  return file;
}

/**
 * Runs a service in one Node process (tsx as a loader, not a parent process, or the compiled file), so a
 * signal reaches the service itself.
 */
export function startService(
  name: "api" | "worker" | "web",
  env: Record<string, string>,
  runAs: RunAs = {},
): ServiceProcess {
  const args = runAs.compiled
    ? ["--enable-source-maps", "--conditions=compiled", compiledFile(COMPILED[name])]
    : ["--import", "tsx", path.join(repoRoot, SOURCES[name])];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    // What npm start gives a service (heap and malloc caps), the test's own settings winning.
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      ...env,
      ...serviceProcessEnvironment({ ...process.env, ...env }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners: (() => void)[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      for (const listener of listeners) listener();
    });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    process: child,
    output: () => output,
    printed: (text) =>
      new Promise((resolve, reject) => {
        const check = () => output.includes(text) && resolve();
        listeners.push(check);
        check();
        void exited.then(({ code, signal }) =>
          reject(new Error(`${name} exited (${code ?? signal}) before printing "${text}":\n${output.slice(-3000)}`)),
        );
      }),
    kill: (signal = "SIGKILL") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
  };
}

/** A worker process, once it says it is ready for jobs. */
export async function startWorkerProcess(env: Record<string, string>, runAs: RunAs = {}): Promise<ServiceProcess> {
  const worker = startService("worker", env, runAs);
  await worker.printed("worker: ready");
  return worker;
}

/** An API process on a free port, once it answers; `url` is its GraphQL endpoint. */
export async function startApiProcess(
  env: Record<string, string>,
  runAs: RunAs = {},
): Promise<ServiceProcess & { url: string }> {
  const port = await freePort();
  const api = startService("api", { API_PORT: String(port), API_HOST: "127.0.0.1", ...env }, runAs);
  await api.printed("GraphQL at");
  return { ...api, url: `http://127.0.0.1:${port}/graphql` };
}

/**
 * The dashboard's server (Next.js and its proxy to the API) on a free port, once it listens. It serves the
 * production build: `npm test` builds it before the tests (`pnpm build:web`).
 */
export async function startDashboardProcess(
  apiUrl: string,
  env: Record<string, string> = {},
): Promise<ServiceProcess & { origin: string }> {
  if (!existsSync(path.join(repoRoot, "apps/web/.next/BUILD_ID")))
    throw new Error("The dashboard is not built: run `pnpm build:web` first (`npm test` does).");
  const port = Number(env.PORT ?? (await freePort()));
  const web = startService("web", { API_URL: apiUrl, ...env, PORT: String(port) });
  await web.printed("dashboard on http://localhost:");
  return { ...web, origin: `http://localhost:${port}` };
}

/** Waits until `probe` gives a value (polling every `everyMs`), or fails saying what it waited for. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
