import type { Db } from "../client.js";

/** Worker processes announcing themselves; alive while they keep `seenAt` fresh. */
export const heartbeatsRepository = (db: Db) => ({
  beat: (worker: { id: string; hostname: string; pid: number; inferenceBackend: string }) =>
    db.workerHeartbeat.upsert({
      where: { id: worker.id },
      create: { ...worker, seenAt: new Date() },
      update: { seenAt: new Date() },
    }),
  remove: (id: string) => db.workerHeartbeat.deleteMany({ where: { id } }),
  /** Workers seen since `since`. */
  alive: (since: Date) =>
    db.workerHeartbeat.findMany({ where: { seenAt: { gte: since } }, orderBy: { startedAt: "asc" } }),
  /** Forgets workers not seen for a long while (gone without saying so). */
  forgetSilent: (before: Date) => db.workerHeartbeat.deleteMany({ where: { seenAt: { lt: before } } }),
});
