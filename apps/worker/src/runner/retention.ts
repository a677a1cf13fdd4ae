import { type Db, deleteUnusedBlobs, servedPredictionsRepository, sweepOrphanObjects } from "@retrain/db";
import { log } from "../observability/log.js";

/** How old a blob or object nothing names must be before it goes: an upload in flight is younger. */
const GRACE_MS = 3_600_000;

/**
 * Forgets served images kept for review once they are older than `keepDays`, drops blobs nothing uses (an
 * archive an API process stored but died before making its job, what a failed delete left), then the object
 * store's objects no blob names, at start and then every `everyMs`. Any worker may do it: all three are
 * idempotent, and two workers at once change nothing twice.
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
      const objects = await sweepOrphanObjects(options.db, before);
      if (objects > 0) log.info(`deleted ${objects} objects no blob names from the object store`);
    } catch (error) {
      log.error({ err: error }, "retention failed");
    }
  };
  void round();
  const timer = setInterval(() => void round(), options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
