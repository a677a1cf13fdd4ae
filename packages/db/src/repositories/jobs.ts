import type { Db } from "../client.js";
import type { JobStatus, Prisma } from "../generated/prisma/client.js";

export const jobsRepository = (db: Db) => ({
  create: (data: Prisma.JobUncheckedCreateInput) => db.job.create({ data }),
  findById: (id: string) => db.job.findUnique({ where: { id } }),
  start: (id: string, total: number) =>
    db.job.update({
      where: { id },
      data: { status: "RUNNING", startedAt: new Date(), progressTotal: total, progressDone: 0, error: null },
    }),
  progress: (id: string, done: number, result?: Prisma.InputJsonValue) =>
    db.job.update({ where: { id }, data: { progressDone: done, ...(result ? { result } : {}) } }),
  finish: (
    id: string,
    status: JobStatus,
    data: { result?: Prisma.InputJsonValue; error?: string; inputSha256?: null } = {},
  ) => db.job.update({ where: { id }, data: { status, finishedAt: new Date(), ...data } }),
  /** The latest job of each run (its extraction), for the run page's progress bar. */
  latestOfRuns: (runIds: readonly string[]) =>
    db.job.findMany({
      where: { runId: { in: [...runIds] } },
      orderBy: { createdAt: "desc" },
      distinct: ["runId"],
    }),
  requestCancelOfRun: (runId: string) =>
    db.job.updateMany({ where: { runId, finishedAt: null }, data: { cancelRequested: true } }),
  requestCancel: (id: string) => db.job.update({ where: { id }, data: { cancelRequested: true } }),
  cancelRequested: async (id: string) =>
    (await db.job.findUnique({ where: { id }, select: { cancelRequested: true } }))?.cancelRequested ?? false,
});
