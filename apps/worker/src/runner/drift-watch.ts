import { activityRepository, type Db, servedPredictionsRepository } from "@retrain/db";
import { DRIFT_DAYS, judgeDrift } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { publishEvent } from "@retrain/webhooks";
import { every } from "./periodic.js";

const DAY_MS = 86_400_000;

/**
 * Watches what each alias served, as the serving page judges it (the last week's answered labels against the
 * training labels): an alias that drifted gets a `drift.detected` activity and webhook event, at most once a
 * day (the activity feed is the memory, so several workers do not repeat each other beyond a race).
 */
export function startDriftWatch(options: { db: Db; queue: JobQueue; everyMs: number }) {
  const served = servedPredictionsRepository(options.db);
  const activity = activityRepository(options.db);

  async function round() {
    const weekAgo = new Date(Date.now() - DRIFT_DAYS * DAY_MS);
    for (const alias of await served.servedAliases(new Date(Date.now() - DAY_MS))) {
      if (
        await activity.recordedSince("drift.detected", alias.experimentId, new Date(Date.now() - DAY_MS), alias.alias)
      )
        continue;
      const recent = await served.answeredLabels(alias.experimentId, alias.alias, weekAgo);
      const judged = judgeDrift(await served.trainingDistribution(alias.datasetId), recent);
      if (!judged.drift) continue;
      await activity.record({
        workspaceId: alias.workspaceId,
        actorId: null,
        verb: "drift.detected",
        subjectType: "Experiment",
        subjectId: alias.experimentId,
        data: { alias: alias.alias },
      });
      await publishEvent(options.db, options.queue, alias.workspaceId, "drift.detected", {
        experimentId: alias.experimentId,
        alias: alias.alias,
        psi: judged.psi,
        predictions: judged.answered,
      });
    }
  }

  return every("drift watch", options.everyMs, round);
}
