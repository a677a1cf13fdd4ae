import { type Db, jobsRepository } from "@retrain/db";
import { QuotaExceededError } from "../../domain/errors.js";

/**
 * A cap on the work one workspace may have queued or running at once (runs, extractions, imports, health
 * checks), so one team cannot fill every worker's queue: past it, starting more is refused with
 * QUOTA_EXCEEDED until some ends.
 */
export function createJobQuota(db: Db, maxActive: number) {
  const jobs = jobsRepository(db);
  return {
    async check(workspaceId: string) {
      const active = await jobs.activeCountOf(workspaceId);
      if (active >= maxActive)
        throw new QuotaExceededError(
          `This workspace has ${active} jobs queued or running, the most it may have at once: wait for some to end, or cancel one.`,
        );
    },
  };
}

export type JobQuota = ReturnType<typeof createJobQuota>;
