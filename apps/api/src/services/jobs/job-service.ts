import { baseModelsRepository, type ChangeFeed, type Db, jobsRepository } from "@retrain/db";
import type { JobKind, JobQueue } from "@retrain/jobs";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import type { DatasetService } from "../datasets/dataset-service.js";
import { watchRow } from "../datasets/watch.js";
import type { Access, Caller } from "../workspaces/access.js";
import type { JobQuota } from "../workspaces/job-quota.js";

/** What a job works on: a dataset (and so its workspace), or a workspace, and the base model it uses. */
export interface JobTarget {
  datasetId?: string;
  workspaceId?: string;
  baseModelId?: string;
}

/**
 * Background jobs of every kind, for the API: starting one (the caller may train in the workspace, what it
 * names belongs there, the workspace is under its cap), reading, watching and cancelling it.
 */
export function createJobService(
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

  /** The workspace a job runs in, checked: the caller may write to its dataset and train there. */
  async function workspaceOf(caller: Caller | null, target: JobTarget) {
    const dataset = target.datasetId ? await datasets.datasetFor(caller, target.datasetId, "write") : null;
    const workspaceId = dataset?.workspaceId ?? target.workspaceId;
    if (!workspaceId) throw new ValidationError("workspaceId", "Say which workspace the job is for.");
    if (dataset && target.workspaceId && target.workspaceId !== dataset.workspaceId) throw new NotFoundError("Dataset");
    await access.require(caller, workspaceId, "train");
    if (target.baseModelId) {
      const model = await baseModels.findById(target.baseModelId);
      // A catalog model is everyone's; a workspace's own model is only its workspace's.
      if (!model || (model.workspaceId && model.workspaceId !== workspaceId)) throw new NotFoundError("Base model");
    }
    return workspaceId;
  }

  /**
   * Queues a job of `kind` on `target`. With `reuseUnfinished`, a job of the kind on the same dataset and
   * model that has not ended is returned instead of a second one.
   */
  async function start(caller: Caller | null, kind: JobKind, target: JobTarget, options = { reuseUnfinished: false }) {
    const workspaceId = await workspaceOf(caller, target);
    if (options.reuseUnfinished && target.datasetId) {
      const running = await jobs.latestOfDataset(target.datasetId, kind, target.baseModelId);
      if (running && !running.finishedAt) return running;
    }
    await quota.check(workspaceId);
    const job = await jobs.create({
      workspaceId,
      kind,
      datasetId: target.datasetId ?? null,
      baseModelId: target.baseModelId ?? null,
      createdById: caller?.userId ?? null,
    });
    await queue.send(kind, { jobId: job.id });
    return job;
  }

  return {
    start,

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

export type JobService = ReturnType<typeof createJobService>;
