import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { OpsAnswer } from "./ops-server.js";

/** A process's metrics registry: the process's own (memory, CPU, event loop lag, handles) included. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The registry in Prometheus's text format, as an operations route answers it. */
export async function metricsAnswer(registry: Registry): Promise<OpsAnswer> {
  return { status: 200, body: await registry.metrics(), contentType: registry.contentType };
}

/** Buckets for request and prediction latencies, in seconds: 1 ms to 10 s. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a database connection pool reports: connections open and idle, queries waiting, and its limit. */
export interface PoolUse {
  open: number;
  idle: number;
  waiting: number;
  max: number;
}

/**
 * `retrain_db_pool_connections{state}`: the process's database pool, read when scraped from what `watch` is
 * given (nothing until then).
 */
export function poolGauge(registry: Registry): { watch(read: () => PoolUse | null): void } {
  let reader: () => PoolUse | null = () => null;
  new Gauge({
    name: "retrain_db_pool_connections",
    help: "The process's database connection pool when scraped: open and idle connections, queries waiting for one, and its size limit.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const use = reader();
      if (!use) return;
      for (const state of ["open", "idle", "waiting", "max"] as const) this.set({ state }, use[state]);
    },
  });
  return {
    watch(read) {
      reader = read;
    },
  };
}
