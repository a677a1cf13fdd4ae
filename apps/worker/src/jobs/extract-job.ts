import { baseModelsRepository, jobsRepository } from "@retrain/db";
import { JobFailure } from "../runner/job-failure.js";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import { extractMissing } from "./extract-missing.js";
import type { WorkerDeps } from "./worker-deps.js";

/** EXTRACT: the vectors a dataset lacks for a base model; progress, rate and ETA on its row. */
export async function extractJob(deps: WorkerDeps, ctx: JobContext<"EXTRACT">): Promise<JobOutcome<"EXTRACT">> {
  const { job } = ctx;
  if (!job.datasetId || !job.baseModelId) throw new JobFailure("The job names no dataset or base model.");
  const baseModel = await baseModelsRepository(deps.db).findById(job.baseModelId);
  if (!baseModel) throw new JobFailure("The base model was deleted.");
  const result = await extractMissing(deps, job.datasetId, baseModel, {
    signal: ctx.signal,
    onStart: (total) => jobsRepository(deps.db).start(job.id, total),
    onProgress: (p) => ctx.progress(p.done, { imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds ?? null }),
  });
  await ctx.progress(result.computed + result.failed, result, true);
  return { status: ctx.signal.aborted ? "CANCELLED" : "SUCCEEDED", result };
}
