import { baseModelsRepository, type ChangeFeed, type Db, jobsRepository } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import { NotFoundError } from "../domain/errors.js";
import type { Access, Caller } from "./access.js";
import type { DatasetService } from "./dataset-service.js";
import type { JobQuota } from "./job-quota.js";
import { watchRow } from "./watch.js";

export function createExtractionService(
  db: Db,
  access: Access,
  datasets: DatasetService,
  queue: JobQueue,
  changes: ChangeFeed,
  quota: JobQuota,
) {
  const baseModels = baseModelsRepository(db);
  const jobs = jobsRepository(db);

  async function jobFor(caller: Caller | null, id: string, action: "read" | "train") {
    const job = await jobs.findById(id);
    if (!job) throw new NotFoundError("Job");
    await access.require(caller, job.workspaceId, action, "Job");
    return job;
  }

  async function startDatasetJob(
    caller: Caller | null,
    datasetId: string,
    baseModelId: string,
    kind: "EXTRACT" | "HEALTH",
  ) {
    const dataset = await datasets.datasetFor(caller, datasetId, "write");
    await access.require(caller, dataset.workspaceId, "train");
    const model = await baseModels.findById(baseModelId);
    if (!model || (model.workspaceId && model.workspaceId !== dataset.workspaceId))
      throw new NotFoundError("Base model");
    if (kind === "HEALTH") {
      const running = await jobs.latestOfDataset(datasetId, kind, baseModelId);
      if (running && !running.finishedAt) return running;
    }
    await quota.check(dataset.workspaceId);
    const job = await jobs.create({
      workspaceId: dataset.workspaceId,
      kind,
      datasetId,
      baseModelId,
      createdById: caller?.userId ?? null,
    });
    await queue.send(kind, { jobId: job.id });
    return job;
  }

  return {
    /** Queues a job computing the dataset's missing bottleneck vectors for a base model. */
    start: (caller: Caller | null, datasetId: string, baseModelId: string) =>
      startDatasetJob(caller, datasetId, baseModelId, "EXTRACT"),

    /** Queues a health check (after the missing vectors); one already waiting or running is returned instead. */
    startHealthCheck: (caller: Caller | null, datasetId: string, baseModelId: string) =>
      startDatasetJob(caller, datasetId, baseModelId, "HEALTH"),

    /** The dataset's latest health check, for a page opened while one runs. */
    async latestHealthCheck(caller: Caller | null, datasetId: string) {
      await datasets.datasetFor(caller, datasetId, "read");
      return jobs.latestOfDataset(datasetId, "HEALTH");
    },

    get: (caller: Caller | null, id: string) => jobFor(caller, id, "read"),

    /** The job each time its progress or status changes, until it ends; access checked on every update. */
    async watch(caller: () => Promise<Caller | null>, id: string) {
      await jobFor(await caller(), id, "read");
      return watchRow(
        changes,
        [`job:${id}`],
        async () => jobFor(await caller(), id, "read"),
        (j) => `${j.status}/${j.progressDone}/${j.progressTotal}`,
        (j) => j.finishedAt !== null,
      );
    },

    /** A waiting job ends at once; a running one is asked to stop at its next batch. */
    async cancel(caller: Caller | null, id: string) {
      await jobFor(caller, id, "train");
      if (!(await jobs.cancelWaiting(id))) await jobs.requestCancel(id);
      return (await jobs.findById(id)) ?? Promise.reject(new NotFoundError("Job"));
    },
  };
}

export type ExtractionService = ReturnType<typeof createExtractionService>;
