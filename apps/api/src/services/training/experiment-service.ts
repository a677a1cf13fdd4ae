import {
  baseModelsRepository,
  commentsRepository,
  type Db,
  experimentsRepository,
  type PageRequest,
} from "@retrain/db";
import { DEFAULT_BASE_MODEL } from "@retrain/engine";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { optionalText, requireName, TEXT_LIMITS } from "../../domain/validate.js";
import type { DatasetService } from "../datasets/dataset-service.js";
import { type Access, type Caller, requireCaller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import { checkedHyperparameters } from "./hyperparameters.js";

export function createExperimentService(db: Db, access: Access, datasets: DatasetService) {
  const experiments = experimentsRepository(db);
  const log = activityLog(db);

  async function experimentFor(caller: Caller | null, id: string, action: "read" | "train") {
    requireCaller(caller);
    const experiment = await experiments.findById(id);
    if (!experiment) throw new NotFoundError("Experiment");
    await access.require(caller, experiment.dataset.workspaceId, action, "Experiment");
    return experiment;
  }

  return {
    experimentFor,

    async create(
      caller: Caller | null,
      input: {
        datasetId: string;
        /** Null: the catalog's recommended model. */
        baseModelId: string | null;
        name: string;
        description?: string | null;
        hyperparameters?: Record<string, unknown> | null;
      },
    ) {
      const dataset = await datasets.datasetFor(caller, input.datasetId, "write");
      await access.require(caller, dataset.workspaceId, "train");
      const rows = baseModelsRepository(db);
      const model = input.baseModelId
        ? await rows.findById(input.baseModelId)
        : await rows.findByKey(DEFAULT_BASE_MODEL);
      if (!model || (model.workspaceId && model.workspaceId !== dataset.workspaceId))
        throw new NotFoundError("Base model");
      const experiment = await experiments.create({
        datasetId: dataset.id,
        baseModelId: model.id,
        name: requireName("name", input.name),
        description: optionalText("description", input.description) ?? "",
        hyperparameters: checkedHyperparameters(input.hyperparameters),
        authorId: requireCaller(caller).userId,
      });
      await log.record(caller, dataset.workspaceId, "experiment.created", ["Experiment", experiment.id]);
      return experiment;
    },

    /** Pages of lists under an experiment or workspace the caller has already been let into. */
    pageOfWorkspace: (workspaceId: string, page: PageRequest) => experiments.pageOfWorkspace(workspaceId, page),
    runsPage: (experimentId: string, page: PageRequest) => experiments.runsPage(experimentId, page),
    commentsPage: (experimentId: string, page: PageRequest) => commentsRepository(db).page(experimentId, page),

    async comment(caller: Caller | null, input: { experimentId?: string | null; runId?: string | null; body: string }) {
      const run = input.runId ? await experiments.findRun(input.runId) : null;
      if (input.runId && !run) throw new NotFoundError("Run");
      const experimentId = run?.experimentId ?? input.experimentId;
      if (!experimentId) throw new ValidationError("experimentId", "Give an experimentId or a runId.");
      const experiment = await experimentFor(caller, experimentId, "read");
      await access.require(caller, experiment.dataset.workspaceId, "write");
      const body = requireName("body", input.body, TEXT_LIMITS.comment);
      const comment = await commentsRepository(db).create({
        workspaceId: experiment.dataset.workspaceId,
        authorId: requireCaller(caller).userId,
        experimentId,
        runId: run?.id ?? null,
        body,
      });
      await log.record(caller, experiment.dataset.workspaceId, "comment.created", ["Comment", comment.id]);
      return comment;
    },
  };
}

export type ExperimentService = ReturnType<typeof createExperimentService>;
