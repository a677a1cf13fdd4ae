import { isJobKind, type JobKind, parseJobResult, type StoredJobResult } from "@retrain/jobs";
import { activeTraceparent } from "@retrain/telemetry";
import type { Db } from "../client.js";
import type { Job as JobRecord, JobStatus, Prisma } from "../generated/prisma/client.js";
import { deleteUnusedBlob } from "./blob-sweep.js";
import { storeChunkedBlob } from "./chunked-blobs.js";

/** A job as everything above the database sees it: a kind of the registry's, its result read by that kind's schema. */
export type Job<K extends JobKind = JobKind> = Omit<JobRecord, "kind" | "result"> & {
  kind: K;
  result: StoredJobResult<K> | null;
};

type NewJob = Omit<Prisma.JobUncheckedCreateInput, "kind" | "result" | "traceparent"> & { kind: JobKind };
/** Every job remembers the trace it was queued in (null when nothing is traced), for the worker to continue. */
const traced = <T extends object>(data: T) => ({ ...data, traceparent: activeTraceparent() });

function typed(row: JobRecord): Job {
  if (!isJobKind(row.kind)) throw new Error(`Job ${row.id} is of kind ${row.kind}, which this version does not know.`);
  return { ...row, kind: row.kind, result: parseJobResult(row.kind, row.result) };
}
/** A result checked by its schema on the way in already (typed): stored as the JSON it is. */
const json = (result: StoredJobResult) => result as Prisma.InputJsonObject;
const typedOrNull = (row: JobRecord | null) => (row ? typed(row) : null);
const typedAll = (rows: JobRecord[]) => rows.map(typed);

export const jobsRepository = (db: Db) => ({
  create: async (data: NewJob) => typed(await db.job.create({ data: traced(data) })),
  /** Jobs of a workspace waiting or running (what its cap on work at once counts). */
  activeCountOf: (workspaceId: string) =>
    db.job.count({ where: { workspaceId, status: { in: ["QUEUED", "RUNNING"] } } }),
  /**
   * A job with a large input (an archive up to 500 MB) written a chunk at a time as `chunks` yields them: the
   * input in one transaction (all its chunks or none), then the job. Bytes already stored under this hash are
   * reused. Should the job not be made, the input goes too; if the process dies in between, the worker's
   * sweep of unused blobs takes it.
   */
  createWithChunkedInput: async (
    input: { sha256: string; size: number; mimeType: string },
    chunks: AsyncIterable<Uint8Array>,
    data: Omit<NewJob, "inputSha256">,
  ) => {
    await storeChunkedBlob(db, input, chunks);
    try {
      return typed(await db.job.create({ data: traced({ ...data, inputSha256: input.sha256 }) }));
    } catch (error) {
      await deleteUnusedBlob(db, input.sha256);
      throw error;
    }
  },
  findById: async (id: string) => typedOrNull(await db.job.findUnique({ where: { id } })),
  start: (id: string, total: number) =>
    db.job.update({
      where: { id },
      data: { status: "RUNNING", startedAt: new Date(), progressTotal: total, progressDone: 0, error: null },
    }),
  progress: (id: string, done: number, result?: StoredJobResult) =>
    db.job.update({ where: { id }, data: { progressDone: done, ...(result ? { result: json(result) } : {}) } }),
  /** Ends a job once: a second finish (a retry racing a reaper) changes nothing. True when this one did. */
  finish: async (
    id: string,
    status: JobStatus,
    { result, ...data }: { result?: StoredJobResult; error?: string; inputSha256?: null } = {},
  ) =>
    (
      await db.job.updateMany({
        where: { id, finishedAt: null },
        data: {
          status,
          finishedAt: new Date(),
          workerId: null,
          leaseUntil: null,
          ...data,
          ...(result ? { result: json(result) } : {}),
        },
      })
    ).count === 1,

  /**
   * Takes a job for a worker: it must be waiting, or held under a lease that has run out (its worker died),
   * or already this worker's. Counts the attempt. Null when another worker holds it or it has ended.
   */
  claim: async (id: string, workerId: string, leaseSeconds: number) => {
    const now = new Date();
    const { count } = await db.job.updateMany({
      where: {
        id,
        finishedAt: null,
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { workerId }],
      },
      data: {
        status: "RUNNING",
        workerId,
        leaseUntil: new Date(now.getTime() + leaseSeconds * 1000),
        attempts: { increment: 1 },
      },
    });
    return count === 1 ? typedOrNull(await db.job.findUnique({ where: { id } })) : null;
  },
  /** Extends the worker's lease; false when it no longer holds the job (taken over, or ended). */
  renew: async (id: string, workerId: string, leaseSeconds: number) =>
    (
      await db.job.updateMany({
        where: { id, workerId, finishedAt: null },
        data: { leaseUntil: new Date(Date.now() + leaseSeconds * 1000) },
      })
    ).count === 1,
  /**
   * Hands a job back (a worker stopping, or a retry): waiting again, held by nobody. `refund` does not count
   * this attempt (the job did nothing wrong: the database went away under it).
   */
  release: (id: string, workerId: string, options: { refund?: boolean } = {}) =>
    db.job.updateMany({
      where: { id, workerId, finishedAt: null },
      data: {
        status: "QUEUED",
        workerId: null,
        leaseUntil: null,
        ...(options.refund ? { attempts: { decrement: 1 } } : {}),
      },
    }),
  /** Jobs whose worker stopped renewing its lease before `now`. */
  expired: async (now: Date) =>
    typedAll(
      await db.job.findMany({
        where: { finishedAt: null, leaseUntil: { lt: now } },
        orderBy: { leaseUntil: "asc" },
        take: 100,
      }),
    ),
  /** Takes an expired job back for requeueing, once (reapers on several workers race for it). */
  reclaimExpired: async (id: string, now: Date) =>
    (
      await db.job.updateMany({
        where: { id, finishedAt: null, leaseUntil: { lt: now } },
        data: { status: "QUEUED", workerId: null, leaseUntil: null },
      })
    ).count === 1,
  /** Jobs waiting since before `before`, for the check that each still has a queue message. */
  waitingSince: async (before: Date) =>
    typedAll(
      await db.job.findMany({
        where: { status: "QUEUED", finishedAt: null, leaseUntil: null, createdAt: { lt: before } },
        take: 100,
      }),
    ),
  /** The latest extraction of each run, for the run page's progress bar. */
  latestOfRuns: async (runIds: readonly string[]) =>
    typedAll(
      await db.job.findMany({
        where: { runId: { in: [...runIds] }, kind: "EXTRACT" satisfies JobKind },
        orderBy: { createdAt: "desc" },
        distinct: ["runId"],
      }),
    ),
  /** A run's training job, and its extraction's progress row (reused by a retry rather than left behind). */
  latestOfDataset: async (datasetId: string, kind: JobKind, baseModelId?: string) =>
    typedOrNull(
      await db.job.findFirst({
        where: { datasetId, kind, runId: null, ...(baseModelId ? { baseModelId } : {}) },
        orderBy: { createdAt: "desc" },
      }),
    ),
  ofRun: async (runId: string, kind: JobKind) =>
    typedOrNull(await db.job.findFirst({ where: { runId, kind }, orderBy: { createdAt: "desc" } })),
  /** Cancels a job no worker has taken up yet (true when it was waiting). */
  cancelWaiting: async (id: string) =>
    (
      await db.job.updateMany({
        where: { id, status: "QUEUED", leaseUntil: null, finishedAt: null },
        data: { status: "CANCELLED", cancelRequested: true, finishedAt: new Date() },
      })
    ).count === 1,
  /** Ends a run's jobs still open (its extraction row when the run ends another way). */
  finishUnfinishedOfRun: (runId: string, status: JobStatus) =>
    db.job.updateMany({
      where: { runId, finishedAt: null },
      data: { status, finishedAt: new Date(), workerId: null, leaseUntil: null },
    }),
  /** The archive is no longer needed (the import ended): forget it, so its bytes can go. */
  dropInput: (id: string) => db.job.update({ where: { id }, data: { inputSha256: null } }),
  /** A run's training job, made if the run has none (runs queued before they had one). */
  trainingJobOf: async (runId: string) => {
    const found = await db.job.findFirst({ where: { runId, kind: "TRAIN" }, orderBy: { createdAt: "desc" } });
    if (found) return typed(found);
    const run = await db.trainingRun.findUnique({
      where: { id: runId },
      select: { experiment: { select: { dataset: { select: { workspaceId: true } } } } },
    });
    return run
      ? typed(
          await db.job.create({
            data: traced({ workspaceId: run.experiment.dataset.workspaceId, kind: "TRAIN", runId }),
          }),
        )
      : null;
  },
  requestCancelOfRun: (runId: string) =>
    db.job.updateMany({ where: { runId, finishedAt: null }, data: { cancelRequested: true } }),
  requestCancel: (id: string) => db.job.update({ where: { id }, data: { cancelRequested: true } }),
  cancelRequested: async (id: string) =>
    (await db.job.findUnique({ where: { id }, select: { cancelRequested: true } }))?.cancelRequested ?? false,
  /** How many jobs there are of each kind in each status (for metrics: one grouped query). */
  countsByKindAndStatus: async () =>
    (await db.job.groupBy({ by: ["kind", "status"], _count: { _all: true } })).map((g) => ({
      kind: g.kind,
      status: g.status,
      count: g._count._all,
    })),
});
