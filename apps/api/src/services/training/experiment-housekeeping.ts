import { checkpointsRepository, type Db, experimentsRepository, isRunActive } from "@retrain/db";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { optionalText, requireName } from "../../domain/validate.js";
import { removeExports } from "../serving/export-files.js";
import type { Access, Caller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import type { ExperimentService } from "./experiment-service.js";

/** Renaming and deleting experiments, deleting runs, removing aliases: what a month of use needs. */
export function createExperimentHousekeeping(
  db: Db,
  access: Access,
  experiments: ExperimentService,
  exportDir: string,
) {
  const rows = experimentsRepository(db);
  const checkpoints = checkpointsRepository(db);
  const log = activityLog(db);
  const dropExports = (ids: string[]) => removeExports(exportDir, ids);

  return {
    async update(caller: Caller | null, id: string, change: { name?: string | null; description?: string | null }) {
      const experiment = await experiments.experimentFor(caller, id, "train");
      const updated = await rows.update(id, {
        ...(change.name != null ? { name: requireName("name", change.name) } : {}),
        ...(change.description != null ? { description: optionalText("description", change.description) ?? "" } : {}),
      });
      await log.record(caller, experiment.dataset.workspaceId, "experiment.renamed", ["Experiment", id]);
      return updated;
    },

    /** Deletes an experiment with its runs and checkpoints (ADMIN or above); not while a run is under way. */
    async delete(caller: Caller | null, id: string) {
      const experiment = await experiments.experimentFor(caller, id, "read");
      await access.require(caller, experiment.dataset.workspaceId, "destroy", "Experiment");
      if ((await rows.activeRunCount(id)) > 0)
        throw new ConflictError("A run of this experiment is under way: cancel it first.");
      const runs = await rows.runsOf([id]);
      const saved = await checkpoints.ofRuns(runs.map((r) => r.id));
      await rows.delete(id);
      await dropExports(saved.map((c) => c.id));
      await log.record(caller, experiment.dataset.workspaceId, "experiment.deleted", ["Experiment", id]);
      return true;
    },

    /** Deletes a finished run and its checkpoints (MEMBER or above), unless an alias serves one of them. */
    async deleteRun(caller: Caller | null, runId: string) {
      const run = await rows.findRun(runId);
      if (!run) throw new NotFoundError("Run");
      const experiment = await experiments.experimentFor(caller, run.experimentId, "train");
      if (isRunActive(run.status)) throw new ConflictError("This run is under way: cancel it first.");
      const aliases = await checkpoints.aliasesOfRun(runId);
      if (aliases.length > 0)
        throw new ConflictError(
          `The ${aliases.map((a) => a.name).join(", ")} alias serves a checkpoint of this run: move or remove it first.`,
        );
      const saved = await checkpoints.ofRuns([runId]);
      await rows.deleteRun(runId);
      await dropExports(saved.map((c) => c.id));
      await log.record(caller, experiment.dataset.workspaceId, "run.deleted", ["TrainingRun", runId]);
      return true;
    },

    /** Removes an alias: predictions by that name stop (NOT_FOUND) until it points somewhere again. */
    async removeAlias(caller: Caller | null, experimentId: string, name: string) {
      const experiment = await experiments.experimentFor(caller, experimentId, "train");
      const { count } = await checkpoints.removeAlias(experimentId, name);
      if (count === 0) throw new ValidationError("alias", `This experiment has no ${name} alias.`);
      await log.record(caller, experiment.dataset.workspaceId, "alias.removed", ["Experiment", experimentId]);
      return true;
    },
  };
}

export type ExperimentHousekeeping = ReturnType<typeof createExperimentHousekeeping>;
