import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
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

/**
 * Runs `apps/<name>/src/main.ts` in one Node process (tsx as a loader, not a parent process), so a signal
 * reaches the service itself.
 */
export function startService(name: "api" | "worker" | "web", env: Record<string, string>): ServiceProcess {
  const entry = name === "web" ? "apps/web/server.ts" : `apps/${name}/src/main.ts`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", ...env },
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
export async function startWorkerProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const worker = startService("worker", env);
  await worker.printed("worker: ready");
  return worker;
}

/** An API process on a free port, once it answers; `url` is its GraphQL endpoint. */
export async function startApiProcess(env: Record<string, string>): Promise<ServiceProcess & { url: string }> {
  const port = await freePort();
  const api = startService("api", { API_PORT: String(port), API_HOST: "127.0.0.1", ...env });
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

/** Waits until `probe` gives a value (polling every 200 ms), or fails saying what it waited for. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
