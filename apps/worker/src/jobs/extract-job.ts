import { baseModelsRepository, jobsRepository } from "@retrain/db";
import { EngineError } from "@retrain/engine";
import { extractMissing, type WorkerDeps } from "./extract-missing.js";

export type { WorkerDeps } from "./extract-missing.js";

/** The EXTRACT job: progress, rate and ETA written to its Job row; cancellable between batches. */
export async function runExtractJob(deps: WorkerDeps, jobId: string): Promise<void> {
  const jobs = jobsRepository(deps.db);
  const job = await jobs.findById(jobId);
  if (!job || job.status === "SUCCEEDED" || job.status === "CANCELLED" || !job.datasetId || !job.baseModelId) return;
  const baseModel = await baseModelsRepository(deps.db).findById(job.baseModelId);
  if (!baseModel) return void (await jobs.finish(jobId, "FAILED", { error: "The base model was deleted." }));
  const abort = new AbortController();
  let lastWrite = 0;
  try {
    const result = await extractMissing(deps, job.datasetId, baseModel, {
      signal: abort.signal,
      onStart: (total) => jobs.start(jobId, total),
      onProgress: async (p) => {
        if (Date.now() - lastWrite < 250) return;
        lastWrite = Date.now();
        await jobs.progress(jobId, p.done, { imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds ?? null });
        if (await jobs.cancelRequested(jobId)) abort.abort();
      },
    });
    await jobs.progress(jobId, result.computed + result.failed);
    await jobs.finish(jobId, abort.signal.aborted ? "CANCELLED" : "SUCCEEDED", { result });
  } catch (error) {
    // A model that cannot load fails now and for good: retrying would not help.
    if (error instanceof EngineError) return void (await jobs.finish(jobId, "FAILED", { error: error.message }));
    throw error;
  }
}
