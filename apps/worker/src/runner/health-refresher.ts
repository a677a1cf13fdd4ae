import { type Db, healthRepository, jobsRepository } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import { every } from "./periodic.js";

/**
 * Keeps health reports current: every `everyMs`, a report whose dataset changed since (its images, labels or
 * splits) gets a new check, unless one is already waiting or running, or the last one after it failed (no
 * retry loop). Any worker may run it; two racing workers at worst queue one check twice.
 */
export function startHealthRefresher(options: { db: Db; queue: JobQueue; everyMs: number }) {
  const health = healthRepository(options.db);
  const jobs = jobsRepository(options.db);

  async function round() {
    for (const report of await health.allReports()) {
      const last = await jobs.latestOfDataset(report.datasetId, "HEALTH", report.baseModelId);
      if (last && (!last.finishedAt || (last.status === "FAILED" && last.createdAt > report.computedAt))) continue;
      if ((await health.signature(report.datasetId)) === report.signature) continue;
      const job = await jobs.create({
        workspaceId: report.dataset.workspaceId,
        kind: "HEALTH",
        datasetId: report.datasetId,
        baseModelId: report.baseModelId,
      });
      await options.queue.send("HEALTH", { jobId: job.id });
    }
  }

  return every("health refresh", options.everyMs, round);
}
