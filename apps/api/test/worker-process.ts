import { type ServiceProcess, startService } from "@retrain/testing";

export { until } from "@retrain/testing";

/** A real worker process (apps/worker) against the test database, as `npm start` runs it. */
export interface WorkerProcess extends ServiceProcess {
  ready: Promise<void>;
}

export function startWorker(env: Record<string, string>): WorkerProcess {
  const worker = startService("worker", env);
  const ready = worker.printed("worker: ready");
  ready.catch(() => {}); // a worker killed before it was ready is the test's business, not an unhandled rejection
  return { ...worker, ready };
}
