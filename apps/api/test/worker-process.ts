import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

/** A real worker process (apps/worker) against the test database, as `npm start` runs it. */
export interface WorkerProcess {
  process: ChildProcess;
  ready: Promise<void>;
  log: string[];
  /** SIGKILL to the whole process group: tsx runs node as a child, which must die too. */
  kill(): void;
}

export function startWorker(env: Record<string, string>): WorkerProcess {
  const log: string[] = [];
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "apps/worker/src/main.ts")], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      if (chunk.toString().includes("worker: ready")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}): ${log.join("")}`)));
  });
  const kill = () => {
    try {
      process.kill(-(child.pid ?? 0), "SIGKILL");
    } catch {
      // already gone
    }
  };
  return { process: child, ready, log, kill };
}

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
