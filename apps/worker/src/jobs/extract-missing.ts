import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type BaseModel, extractionClaimsRepository } from "@retrain/db";
import type { ExtractionProgress } from "@retrain/engine";
import { workChunks } from "./extraction-chunks.js";
import { lazyPool } from "./extraction-pool.js";
import { asOwnExtraction } from "./extractions-here.js";
import { DEFAULT_CHUNKS, type WorkerDeps } from "./worker-deps.js";

/** At most this many helpers are asked per extraction; each takes chunks until none is free. */
const MAX_HELPERS = 16;

/** How long the job's worker waits on others' chunks before it looks for a freed one again (the exact count). */
const WAIT_FOR_OTHERS_MS = 5000;

/**
 * Computes the vectors a dataset lacks for a base model, shared with any worker that answers the help asked
 * for: everyone claims chunks of the missing images (so none is computed twice, even by two runs needing the
 * same vectors), stores each chunk in one insert, and this job waits for the chunks others hold (a dead
 * helper's claims expire and are taken here). Progress counts every worker's vectors, from the database.
 */
export function extractMissing(deps: WorkerDeps, datasetId: string, baseModel: BaseModel, hooks: Hooks = {}) {
  return asOwnExtraction(() => extract(deps, datasetId, baseModel, hooks));
}

interface Hooks {
  onStart?: (total: number) => Promise<unknown>;
  onProgress?: (p: ExtractionProgress) => Promise<void>;
  signal?: AbortSignal;
}

async function extract(deps: WorkerDeps, datasetId: string, baseModel: BaseModel, hooks: Hooks) {
  const baseModelId = baseModel.id;
  const claims = extractionClaimsRepository(deps.db);
  const settings = deps.chunks ?? DEFAULT_CHUNKS;
  await claims.analyseImages();
  const storedBefore = await claims.storedCount(datasetId, baseModel.id);
  const total = await claims.missingCount(datasetId, baseModel.id);
  await hooks.onStart?.(total);
  if (total === 0) return { computed: 0, failed: 0, imagesPerSecond: 0, seconds: 0, backend: null };
  const failedBefore = await claims.failureCount(datasetId, baseModel.id);
  const helpers = Math.min(Math.ceil(total / settings.size) - 1, MAX_HELPERS);
  const askForHelp = async () => helpers > 0 && (await deps.queue?.askForHelp({ datasetId, baseModelId }, helpers));
  await askForHelp();
  const started = performance.now();
  const pool = lazyPool(deps, baseModel);
  const seconds = () => (performance.now() - started) / 1000;
  let stored = 0; // every worker's, as of the last count
  const progress = (done: number) => {
    const rate = done / Math.max(seconds(), 1e-3);
    return hooks.onProgress?.({
      done,
      total,
      reused: 0,
      computed: done,
      failed: 0,
      imagesPerSecond: rate,
      etaSeconds: rate > 0 ? (total - done) / rate : undefined,
    });
  };
  let counted = 0;
  /**
   * Progress made by every worker, from the counter each stored chunk adds to: one row, whatever the dataset's
   * size (a count of the images left probes every image: 10 ms at 4,311, tens of seconds at 10 million).
   */
  const report = async () => {
    if (performance.now() - counted < 2000) return;
    counted = performance.now();
    stored = Math.min(total, (await claims.storedCount(datasetId, baseModel.id)) - storedBefore);
    await progress(stored);
  };
  // After each chunk, without holding up the next: progress, and help asked again (one query while enough
  // messages wait; the first may all be taken before a worker comes free or starts).
  const reporting = oneAtATime(report);
  const asking = oneAtATime(askForHelp);
  /** Images left (claimed ones included), counted exactly: only when this worker finds no chunk free. */
  const countLeft = async () => {
    const left = await claims.missingCount(datasetId, baseModel.id);
    stored = total - left;
    await progress(stored);
    return left;
  };
  /**
   * Waits while other workers compute the chunks they hold: until the counter says every image is stored
   * (read every 200 ms: one row), or a few seconds, after which a chunk freed by a dead worker is looked for.
   * A fixed second's sleep here ended a shared extraction half a second late on average.
   */
  const othersFinish = async () => {
    const until = performance.now() + WAIT_FOR_OTHERS_MS;
    while (performance.now() < until && !hooks.signal?.aborted) {
      await sleep(200);
      if ((await claims.storedCount(datasetId, baseModel.id)) - storedBefore >= total) return;
    }
  };
  try {
    const owner = `extract:${randomUUID()}`;
    for (;;) {
      const work = { datasetId, baseModel, owner, pool: pool.open };
      await workChunks(deps.db, work, settings, {
        signal: hooks.signal,
        onChunk: async () => {
          reporting.run();
          asking.run();
        },
        onProgress: (inChunk) => void progress(Math.min(total, stored + inChunk)),
      });
      await Promise.all([reporting.settled(), asking.settled()]); // progress must not land after the last
      if (hooks.signal?.aborted || (await countLeft()) === 0) break;
      await othersFinish(); // other workers hold the rest: wait for them (or for their claims to expire)
    }
    const failed = (await claims.failureCount(datasetId, baseModel.id)) - failedBefore;
    const computed = total - (await claims.missingCount(datasetId, baseModel.id)) - failed;
    return {
      /** What ran the base model (onnxruntime, or a TensorFlow.js backend), shown on the run page. */
      backend: pool.opened()?.backend ?? null,
      computed,
      failed,
      imagesPerSecond: computed / Math.max(seconds(), 1e-3),
      seconds: seconds(),
    };
  } finally {
    await pool.close();
  }
}

/** Runs `task` unless its last run is still going (then: nothing); `settled` is that last run. */
function oneAtATime(task: () => Promise<unknown>) {
  let running: Promise<unknown> | undefined;
  return {
    run() {
      running ??= task()
        .catch(() => {}) // progress and help are best effort: the extraction goes on without them
        .finally(() => {
          running = undefined;
        });
    },
    settled: () => running,
  };
}
