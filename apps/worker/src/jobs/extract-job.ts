import { baseModelsRepository, bottlenecksRepository, type Db, jobsRepository, vectorToBytes } from "@retrain/db";
import {
  type BackendName,
  createExtractionPool,
  EngineError,
  type ExtractionJob,
  extractBottlenecks,
} from "@retrain/engine";
import { resolveBaseModelRow } from "../base-model-source.js";

export interface WorkerDeps {
  db: Db;
  modelCacheDir: string;
  backend: BackendName | "auto";
  threads?: number;
}

/**
 * Computes the bottleneck vectors a dataset lacks for a base model. Safe to run again after a crash: it
 * only computes what is still missing and stores vectors idempotently, so nothing is duplicated or lost.
 */
export async function runExtractJob(deps: WorkerDeps, jobId: string): Promise<void> {
  const jobs = jobsRepository(deps.db);
  const bottlenecks = bottlenecksRepository(deps.db);
  const job = await jobs.findById(jobId);
  if (!job || job.status === "SUCCEEDED" || job.status === "CANCELLED" || !job.datasetId || !job.baseModelId) return;
  const baseModel = await baseModelsRepository(deps.db).findById(job.baseModelId);
  if (!baseModel) return void (await jobs.finish(jobId, "FAILED", { error: "The base model was deleted." }));
  const missing = await bottlenecks.missingImages(job.datasetId, baseModel.id);
  await jobs.start(jobId, missing.length);
  if (missing.length === 0) return void (await jobs.finish(jobId, "SUCCEEDED", { result: { computed: 0, failed: 0 } }));

  let pool: Awaited<ReturnType<typeof createExtractionPool>>;
  try {
    const resolved = await resolveBaseModelRow(baseModel, deps.modelCacheDir);
    pool = await createExtractionPool({
      spec: resolved.spec,
      dir: resolved.dir,
      backend: deps.backend,
      resize: "center-crop",
      threads: deps.threads,
    });
  } catch (error) {
    // A model that cannot load fails now and for good: retrying would not help.
    if (error instanceof EngineError) return void (await jobs.finish(jobId, "FAILED", { error: error.message }));
    throw error;
  }
  const abort = new AbortController();
  let lastWrite = 0;
  async function* items(): AsyncGenerator<ExtractionJob> {
    for (const image of missing) {
      const blob = await bottlenecks.imageBytes(image.sha256);
      if (blob) yield { key: image.id, item: { name: image.originalName, bytes: new Uint8Array(blob.bytes) } };
    }
  }
  try {
    const summary = await extractBottlenecks(items(), {
      pool,
      total: missing.length,
      signal: abort.signal,
      store: {
        get: async () => undefined, // only missing images are fed in
        put: async (imageId, vector) => {
          await bottlenecks.saveMany([
            { imageId, baseModelId: baseModel.id, vector: vectorToBytes(vector), dim: vector.length },
          ]);
        },
      },
      onFailure: (failed, reason) => void bottlenecks.recordFailure(failed.key, baseModel.id, reason),
      onProgress: async (p) => {
        if (Date.now() - lastWrite < 250) return;
        lastWrite = Date.now();
        await jobs.progress(jobId, p.done, { imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds ?? null });
        if (await jobs.cancelRequested(jobId)) abort.abort();
      },
    });
    if (!baseModel.weightsHash) await baseModelsRepository(deps.db).setWeightsHash(baseModel.id, pool.weightsHash);
    const result = {
      computed: summary.computed,
      failed: summary.failed.length,
      imagesPerSecond: summary.imagesPerSecond,
      seconds: summary.seconds,
    };
    await jobs.progress(jobId, summary.computed + summary.failed.length);
    await jobs.finish(jobId, abort.signal.aborted ? "CANCELLED" : "SUCCEEDED", { result });
  } finally {
    await pool.close();
  }
}
