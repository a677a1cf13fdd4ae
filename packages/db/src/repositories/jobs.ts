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
  finish: (id: string, status: JobStatus, data: { result?: Prisma.InputJsonValue; error?: string } = {}) =>
    db.job.update({ where: { id }, data: { status, finishedAt: new Date(), ...data } }),
  requestCancel: (id: string) => db.job.update({ where: { id }, data: { cancelRequested: true } }),
  cancelRequested: async (id: string) =>
    (await db.job.findUnique({ where: { id }, select: { cancelRequested: true } }))?.cancelRequested ?? false,
});
