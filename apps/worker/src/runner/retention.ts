import { type Db, deleteUnusedBlobs, servedPredictionsRepository, sweepOrphanObjects } from "@retrain/db";
import { log } from "../observability/log.js";

/** The object store's sweep: hourly, once a deployment (the job queue's cron, in UTC). */
export const OBJECT_SWEEP_CRON = "0 * * * *";

/** How old a blob or object nothing names must be before it goes: an upload in flight is younger. */
const GRACE_MS = 3_600_000;

/**
 * Forgets served images kept for review once they are older than `keepDays` and drops blobs nothing uses (an
 * archive an API process stored but died before making its job, what a failed delete left), at start and then
 * every `everyMs`. Any worker may do it: both are one statement, idempotent, and two workers at once change
 * nothing twice. The object store's sweep lists every object, so it is not done here but once a deployment
 * (`sweepObjectStore`, on the queue's cron).
 */
export function startRetention(options: { db: Db; keepDays: number; everyMs: number }) {
  const served = servedPredictionsRepository(options.db);
  const round = async () => {
    try {
      const forgotten = await served.forgetKeptBefore(new Date(Date.now() - options.keepDays * 86_400_000));
      if (forgotten > 0) log.info(`forgot ${forgotten} served images older than ${options.keepDays} days`);
      const before = new Date(Date.now() - GRACE_MS);
      const { count } = await deleteUnusedBlobs(options.db, before);
      if (count > 0) log.info(`dropped ${count} blobs nothing uses (deleted, or left by a process that stopped)`);
    } catch (error) {
      log.error({ err: error }, "retention failed");
    }
  };
  void round();
  const timer = setInterval(() => void round(), options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Deletes the object store's objects that no blob names and that are older than the grace (a listing of all). */
export async function sweepObjectStore(db: Db) {
  try {
    const objects = await sweepOrphanObjects(db, new Date(Date.now() - GRACE_MS));
    log.info(`object store swept: deleted ${objects} objects no blob names`);
  } catch (error) {
    log.error({ err: error }, "object store sweep failed");
  }
}
