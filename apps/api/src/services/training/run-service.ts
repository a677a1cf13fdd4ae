import { type ChangeFeed, type Db, experimentsRepository, jobsRepository } from "@retrain/db";
import { compareRuns } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { LRUCache } from "lru-cache";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { watchRow } from "../datasets/watch.js";
import { type Access, type Caller, requireCaller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import type { JobQuota } from "../workspaces/job-quota.js";
import type { ExperimentService } from "./experiment-service.js";
import { checkedHyperparameters } from "./hyperparameters.js";

const ENDED = ["SUCCEEDED", "FAILED", "CANCELLED"];

/** Training runs: start (fresh or from a checkpoint), read, watch, cancel. */
export function createRunService(
  db: Db,
  access: Access,
  experimentService: ExperimentService,
  queue: JobQueue,
  changes: ChangeFeed,
  quota: JobQuota,
) {
  const experiments = experimentsRepository(db);
  const log = activityLog(db);
  const comparisons = new LRUCache<string, { comparison: ReturnType<typeof compareRuns> }>({ max: 256 });

  async function run(caller: Caller | null, id: string, action: "read" | "train" = "read") {
    const found = await experiments.findRun(id);
    if (!found) throw new NotFoundError("Run");
    await access.require(caller, found.experiment.dataset.workspaceId, action, "Run");
    return found;
  }

  return {
    run: (caller: Caller | null, id: string) => run(caller, id),

    /** The caller's runs in a workspace from the last day, newest first. */
    async recentOfCaller(caller: Caller | null, workspaceId: string) {
      await access.require(caller, workspaceId, "read");
      return experiments.recentRunsBy(workspaceId, caller?.userId ?? "", new Date(Date.now() - 86_400_000));
    },

    /**
     * Two runs on one dataset (of one experiment, or of two: another base model, another head) compared on the
     * images both were evaluated on (paired: McNemar's exact test, bootstrap intervals); null, with the reason,
     * when they cannot be paired honestly. Splits are the dataset's, so its runs share their test images.
     */
    async compare(caller: Caller | null, idA: string, idB: string) {
      const [a, b] = [await run(caller, idA), await run(caller, idB)];
      if (a.experiment.datasetId !== b.experiment.datasetId)
        throw new ValidationError("runB", "Compare runs on one dataset: only they share test images.");
      const [ea, eb, ma, mb] = [a.evaluation, b.evaluation, a.metrics, b.metrics];
      const refuse = (reason: string) => ({ comparison: null, reason });
      if (!ea?.outcomes || !eb?.outcomes)
        return refuse(
          "Both runs need an evaluation with per-image outcomes (runs trained before this release lack them).",
        );
      if (ma?.evaluatedOn !== mb?.evaluatedOn)
        return refuse(
          `One was evaluated on ${ma?.evaluatedOn ?? "nothing"}, the other on ${mb?.evaluatedOn ?? "nothing"}.`,
        );
      const labels = ea.perClass.map((c) => c.label);
      if (labels.join("\n") !== eb.perClass.map((c) => c.label).join("\n"))
        return refuse("Their labels differ: the dataset's classes changed between them.");
      // Bootstraps are the costly part (thousands of resamples); a pair's evaluations never change once stored.
      const key = `${a.id}@${a.finishedAt?.getTime()}|${b.id}@${b.finishedAt?.getTime()}`;
      let cached = comparisons.get(key);
      if (!cached) {
        cached = { comparison: compareRuns(ea, eb, labels) };
        comparisons.set(key, cached);
      }
      const { comparison } = cached;
      return comparison
        ? { comparison, reason: null }
        : refuse("They were evaluated on different images (the dataset changed between them): no paired test.");
    },

    /**
     * Queues a run; its hyperparameters are the experiment's with `overrides` on top. From a checkpoint, it
     * continues that head and optimizer for `epochs` more epochs.
     */
    async start(
      caller: Caller | null,
      experimentId: string,
      options: { overrides?: Record<string, unknown>; resumeFromCheckpointId?: string | null } = {},
    ) {
      const experiment = await experimentService.experimentFor(caller, experimentId, "train");
      const from = options.resumeFromCheckpointId
        ? await access.checkpointFor(caller, options.resumeFromCheckpointId, "train")
        : null;
      if (from) {
        // Only a checkpoint of this workspace: another one's weights never seed this workspace's runs.
        if (from.run.experiment.dataset.workspaceId !== experiment.dataset.workspaceId)
          throw new NotFoundError("Checkpoint");
        if (from.baseModelId !== experiment.baseModelId)
          throw new ConflictError("That checkpoint was trained on another base model than this experiment's.");
      }
      await quota.check(experiment.dataset.workspaceId);
      const hyperparameters = checkedHyperparameters({
        ...(from ? from.run.hyperparameters : experiment.hyperparameters),
        ...options.overrides,
      });
      const created = await experiments.createRun({
        experimentId,
        hyperparameters,
        createdById: requireCaller(caller).userId,
        resumedFromId: from?.id ?? null,
      });
      // The run's work is a job row (lease, attempts, final state) with a queue message naming it.
      const job = await jobsRepository(db).create({
        workspaceId: experiment.dataset.workspaceId,
        kind: "TRAIN",
        runId: created.id,
        createdById: requireCaller(caller).userId,
      });
      await queue.send("TRAIN", { jobId: job.id });
      await log.record(caller, experiment.dataset.workspaceId, from ? "run.resumed" : "run.started", [
        "TrainingRun",
        created.id,
      ]);
      return created;
    },

    /** Stops a run between extraction batches or epochs; epochs and vectors so far are kept. */
    async cancel(caller: Caller | null, id: string) {
      await run(caller, id, "train");
      if (!(await experiments.cancelRun(id))) throw new ConflictError("This run has already ended.");
      const jobs = jobsRepository(db);
      await jobs.requestCancelOfRun(id);
      // Not started yet: nobody would notice the request, so its jobs end now.
      const training = await jobs.ofRun(id, "TRAIN");
      if (training && (await jobs.cancelWaiting(training.id))) await jobs.finishUnfinishedOfRun(id, "CANCELLED");
      return run(caller, id);
    },

    /**
     * The run each time its status or epochs change, until it ends (for the runProgress subscription).
     * `caller` is asked again before each update, so access is checked on every one.
     */
    async watch(caller: () => Promise<Caller | null>, id: string) {
      await run(await caller(), id);
      const jobs = jobsRepository(db);
      return watchRow(
        changes,
        [`run:${id}`],
        async () => {
          await run(await caller(), id);
          const [row, epochs, job] = await Promise.all([
            experiments.findRun(id),
            experiments.epochsOf([id]),
            jobs.latestOfRuns([id]),
          ]);
          if (!row) throw new NotFoundError("Run");
          return { row, signature: `${row.status}/${epochs.length}/${job[0]?.progressDone ?? 0}` };
        },
        (r) => r.signature,
        (r) => ENDED.includes(r.row.status),
      );
    },
  };
}

export type RunService = ReturnType<typeof createRunService>;
