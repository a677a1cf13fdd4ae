import { type Child, startChild, stopChildren } from "./children.js";

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** First wait before a restart; doubles at each crash in a row, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A process that stayed up this long was healthy: its next crash waits `backoffMs` again. */
  healthyAfterMs?: number;
  log?: (line: string) => void;
}

export interface Supervisor {
  /** The services' current processes (a restarted one replaces its predecessor). */
  current(): Child[];
  /** Restarts so far, by service name. */
  restarts(name: string): number;
  /** Stops everything (SIGTERM, then SIGKILL after the grace period); nothing restarts after this. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Keeps each service running: one that exits is started again after a backoff, logged, while the others go
 * on serving (a worker killed by the out-of-memory killer must not take the dashboard down with it). Only
 * `stop()` (Ctrl-C, SIGTERM) ends them.
 */
export function supervise(specs: ServiceSpec[], options: SupervisorOptions = {}): Supervisor {
  const { backoffMs = 1000, maxBackoffMs = 30_000, healthyAfterMs = 60_000, log = console.error } = options;
  const running = new Map<string, Child>();
  const restartCount = new Map<string, number>();
  const pending = new Set<NodeJS.Timeout>();
  let stopping = false;

  function keep(spec: ServiceSpec, wait: number) {
    const startedAt = Date.now();
    const child = startChild(spec.name, spec.command, spec.args, { cwd: spec.cwd, env: spec.env });
    running.set(spec.name, child);
    void child.exited.then((code) => {
      if (stopping) return;
      const delay = Date.now() - startedAt >= healthyAfterMs ? backoffMs : wait;
      const how = code === null ? `signal ${child.process.signalCode}` : `code ${code}`;
      log(`[${spec.name}] exited (${how}); restarting in ${delay / 1000} s`);
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (stopping) return;
        restartCount.set(spec.name, (restartCount.get(spec.name) ?? 0) + 1);
        keep(spec, Math.min(delay * 2, maxBackoffMs));
      }, delay);
      pending.add(timer);
    });
  }

  for (const spec of specs) keep(spec, backoffMs);
  return {
    current: () => [...running.values()],
    restarts: (name) => restartCount.get(name) ?? 0,
    async stop(graceMs) {
      stopping = true;
      for (const timer of pending) clearTimeout(timer);
      await stopChildren([...running.values()], graceMs);
    },
  };
}
