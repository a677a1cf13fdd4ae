import { type Db, experimentsRepository, type Job, type JobStatus, jobsRepository } from "@retrain/db";
import { type JobQueue, parseJobResult } from "@retrain/jobs";
import { publishEvent } from "@retrain/webhooks";

/**
 * The webhook events a job's end raises: a training run that succeeded or failed, a health check that
 * finished. Called by the runner's end hook, so a run ended by a reaper (its worker died too often) is told too.
 */
export async function publishJobEnd(
  db: Db,
  queue: Pick<JobQueue, "sendDelivery">,
  job: Job,
  status: JobStatus,
  error?: string,
): Promise<void> {
  if (job.kind === "TRAIN" && job.runId && (status === "SUCCEEDED" || status === "FAILED")) {
    const run = await experimentsRepository(db).findRun(job.runId);
    if (!run) return;
    await publishEvent(db, queue, job.workspaceId, status === "SUCCEEDED" ? "run.succeeded" : "run.failed", {
      runId: run.id,
      experimentId: run.experimentId,
      datasetId: run.experiment.datasetId,
      validationAccuracy: run.metrics?.validationAccuracy ?? null,
      testAccuracy: run.metrics?.testAccuracy ?? null,
      error: status === "FAILED" ? (error ?? run.error ?? null) : null,
    });
  }
  if (job.kind === "HEALTH" && job.datasetId && status === "SUCCEEDED") {
    const ended = await jobsRepository(db).findById(job.id);
    const result = parseJobResult("HEALTH", ended?.result);
    await publishEvent(db, queue, job.workspaceId, "health.completed", {
      datasetId: job.datasetId,
      baseModelId: job.baseModelId,
      images: result?.images ?? null,
      duplicateGroups: result?.duplicateGroups ?? null,
      leakingGroups: result?.leakingGroups ?? null,
      mislabeled: result?.mislabeled ?? null,
      strays: result?.strays ?? null,
    });
  }
}
