import { type Db, servedPredictionsRepository } from "@retrain/db";
import { log } from "../observability/log.js";

/**
 * Forgets served images kept for review once they are older than `keepDays`, at start and then every
 * `everyMs`. Any worker may do it: the update is idempotent, and two workers at once change nothing twice.
 */
export function startRetention(options: { db: Db; keepDays: number; everyMs: number }) {
  const served = servedPredictionsRepository(options.db);
  const round = () =>
    served
      .forgetKeptBefore(new Date(Date.now() - options.keepDays * 86_400_000))
      .then((count) => {
        if (count > 0) log.info(`forgot ${count} served images older than ${options.keepDays} days`);
      })
      .catch((error: unknown) => log.error({ err: error }, "kept image retention failed"));
  void round();
  const timer = setInterval(() => void round(), options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
