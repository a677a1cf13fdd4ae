import { type Db, imagesRepository, servedPredictionsRepository } from "@retrain/db";
import { log } from "../observability/log.js";

/**
 * Forgets served images kept for review once they are older than `keepDays`, and drops archives an API process
 * stored but died before making their job (an hour on), at start and then every `everyMs`. Any worker may do
 * it: both are idempotent, and two workers at once change nothing twice.
 */
export function startRetention(options: { db: Db; keepDays: number; everyMs: number }) {
  const served = servedPredictionsRepository(options.db);
  const images = imagesRepository(options.db);
  const round = () =>
    Promise.all([
      served.forgetKeptBefore(new Date(Date.now() - options.keepDays * 86_400_000)).then((count) => {
        if (count > 0) log.info(`forgot ${count} served images older than ${options.keepDays} days`);
      }),
      images.deleteOrphanChunkedBlobs(new Date(Date.now() - 3_600_000)).then(({ count }) => {
        if (count > 0) log.info(`dropped ${count} archives no job uses (left by a process that stopped)`);
      }),
    ]).catch((error: unknown) => log.error({ err: error }, "retention failed"));
  void round();
  const timer = setInterval(() => void round(), options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
