import type { BottleneckStore } from "./bottleneck-store.js";
import type { ExtractionItem } from "./messages.js";
import type { ExtractionPool } from "./worker-pool.js";

/** An image to have a vector for: `key` identifies its vector in the store (content hash and variant). */
export interface ExtractionJob {
  key: string;
  item: ExtractionItem;
}

export interface ExtractionProgress {
  done: number;
  total?: number;
  reused: number;
  computed: number;
  failed: number;
  imagesPerSecond: number;
  etaSeconds?: number;
}

export interface ExtractionSummary {
  total: number;
  reused: number;
  computed: number;
  failed: { name: string; key: string; reason: string }[];
  seconds: number;
  /** Vectors computed per second of wall time (cache hits excluded). */
  imagesPerSecond: number;
}

export interface ExtractOptions {
  pool: ExtractionPool;
  store: BottleneckStore;
  batchSize?: number;
  /** Known number of jobs, for progress and ETA when `jobs` is a stream. */
  total?: number;
  onProgress?: (progress: ExtractionProgress) => void;
  /** A vector was computed or reused (for callers that collect them as they come). */
  onVector?: (job: ExtractionJob, vector: Float32Array) => void;
  onFailure?: (job: ExtractionJob, reason: string) => void;
  signal?: AbortSignal;
}

/**
 * Computes the bottleneck vectors missing from the store, streaming: jobs are pulled as batches free up,
 * so memory holds at most three batches per worker whatever the dataset's size. Vectors already in the store
 * are reused and never computed twice; an image that fails is reported and the rest go on.
 */
export async function extractBottlenecks(
  jobs: Iterable<ExtractionJob> | AsyncIterable<ExtractionJob>,
  options: ExtractOptions,
): Promise<ExtractionSummary> {
  const { pool, store } = options;
  const batchSize = options.batchSize ?? pool.batchSize;
  const maxInFlight = pool.threads * 3; // the pool's two per worker, and one being prepared
  const started = performance.now();
  const total = options.total ?? (Array.isArray(jobs) ? jobs.length : undefined);
  const summary: ExtractionSummary = {
    total: 0,
    reused: 0,
    computed: 0,
    failed: [],
    seconds: 0,
    imagesPerSecond: 0,
  };

  const report = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? summary.computed / seconds : 0;
    const done = summary.reused + summary.computed + summary.failed.length;
    const left = total !== undefined ? total - done : undefined;
    options.onProgress?.({
      done,
      total,
      reused: summary.reused,
      computed: summary.computed,
      failed: summary.failed.length,
      imagesPerSecond: rate,
      etaSeconds: left !== undefined && rate > 0 ? left / rate : undefined,
    });
  };

  const runBatch = async (batch: ExtractionJob[]) => {
    const result = await pool.run(batch.map((j) => j.item));
    const dim = result.vectors.length / batch.length;
    for (const [i, job] of batch.entries()) {
      const reason = result.errors[i];
      if (reason) {
        summary.failed.push({ name: job.item.name, key: job.key, reason });
        options.onFailure?.(job, reason);
        continue;
      }
      const vector = result.vectors.slice(i * dim, (i + 1) * dim);
      await store.put(job.key, vector);
      summary.computed++;
      options.onVector?.(job, vector);
    }
    report();
  };

  const inFlight = new Set<Promise<void>>();
  const launch = (batch: ExtractionJob[]) => {
    const p = runBatch(batch).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  let batch: ExtractionJob[] = [];
  for await (const job of jobs) {
    if (options.signal?.aborted) break;
    summary.total++;
    const cached = await store.get(job.key);
    if (cached) {
      summary.reused++;
      options.onVector?.(job, cached);
      if (summary.reused % batchSize === 0) report();
      continue;
    }
    batch.push(job);
    if (batch.length < batchSize) continue;
    launch(batch);
    batch = [];
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  }
  if (batch.length > 0 && !options.signal?.aborted) launch(batch);
  await Promise.all(inFlight);
  report();
  summary.seconds = (performance.now() - started) / 1000;
  summary.imagesPerSecond = summary.seconds > 0 ? summary.computed / summary.seconds : 0;
  return summary;
}
