import { type Db, jobsRepository } from "@retrain/db";
import type { StoredJobResult } from "@retrain/jobs";

/**
 * Progress of a job row, written at most every `everyMs` (a write per image would cost more than the image),
 * the last one always. `onWrite` runs after each write: where cancellation is looked for.
 */
export function throttledProgress(db: Db, jobId: string, onWrite?: () => Promise<void>, everyMs = 250) {
  const jobs = jobsRepository(db);
  let last = 0;
  return async (done: number, result?: StoredJobResult, force = false) => {
    if (!force && Date.now() - last < everyMs) return;
    last = Date.now();
    await jobs.progress(jobId, done, result);
    await onWrite?.();
  };
}
