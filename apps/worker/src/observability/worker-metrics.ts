import { Counter, createRegistry, Histogram, poolGauge } from "@retrain/telemetry";

/** The worker's metrics: labels name kinds and states, never a workspace or an id. */
export const registry = createRegistry("worker");

/** The worker's database pool; main watches its client. */
export const databasePool = poolGauge(registry);

export const jobDuration = new Histogram({
  name: "retrain_job_duration_seconds",
  help: "Jobs this worker ended, by kind and final status, from their start.",
  labelNames: ["kind", "status"] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [registry],
});

export const leaseTakeovers = new Counter({
  name: "retrain_job_lease_takeovers_total",
  help: "Jobs this worker found without a live worker (lease expired) and queued again.",
  labelNames: ["kind"] as const,
  registers: [registry],
});

export const extractedImages = new Counter({
  name: "retrain_extracted_images_total",
  help: "Bottleneck vectors this worker computed (its rate: extraction images/s).",
  registers: [registry],
});
