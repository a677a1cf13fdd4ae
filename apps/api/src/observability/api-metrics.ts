import { connectionPoolOf, type Db, jobsRepository } from "@retrain/db";
import { Counter, createRegistry, Gauge, Histogram, LATENCY_BUCKETS, poolGauge } from "@retrain/telemetry";

/**
 * The API's metrics. Labels never name a workspace, a user or an id: a series per team would grow without
 * bound and tell a scraper who uses the product.
 */
export const registry = createRegistry("api");

export const httpDuration = new Histogram({
  name: "retrain_http_request_duration_seconds",
  help: "HTTP requests by method, route (its first path segment) and status.",
  labelNames: ["method", "route", "status"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: "retrain_graphql_operation_duration_seconds",
  help: "GraphQL operations by name and type, and whether they answered an error.",
  labelNames: ["operation", "type", "outcome"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const predictionDuration = new Histogram({
  name: "retrain_prediction_duration_seconds",
  help: "Prediction requests from images in to answers out (its count: the number of requests), by outcome.",
  labelNames: ["outcome"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const predictedImages = new Counter({
  name: "retrain_predicted_images_total",
  help: "Images answered by predictions.",
  registers: [registry],
});

export const modelCacheEvents = new Counter({
  name: "retrain_model_cache_events_total",
  help: "The prediction model caches' hits, misses (a load) and evictions, by cache (base or head).",
  labelNames: ["cache", "event"] as const,
  registers: [registry],
});

const databasePool = poolGauge(registry);

let countJobs: (() => ReturnType<ReturnType<typeof jobsRepository>["countsByKindAndStatus"]>) | null = null;

new Gauge({
  name: "retrain_jobs",
  help: "Jobs by kind and status, as the database holds them (QUEUED: the queue's depth).",
  labelNames: ["kind", "status"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const { kind, status, count } of (await countJobs?.()) ?? []) this.set({ kind, status }, count);
  },
});

/** Jobs by kind and state counted in this database, and its connection pool, when scraped (called once). */
export function watchDatabase(db: Db): void {
  countJobs = () => jobsRepository(db).countsByKindAndStatus();
  databasePool.watch(() => connectionPoolOf(db));
}
