import { type Comment, type Experiment, isRunActive, type TrainingRun } from "@retrain/db";
import { BaseModelRef } from "./base-model.js";
import { builder } from "./builder.js";
import { CheckpointRef } from "./checkpoint.js";
import { cursorPage } from "./connection.js";
import { DatasetRef } from "./dataset.js";
import { HyperparametersInput, HyperparametersRef, hyperparameterOverrides } from "./hyperparameters.js";
import { RunRef } from "./training-run.js";
import { UserRef } from "./user.js";
import { WorkspaceRef } from "./workspace.js";

const CommentRef = builder.objectRef<Comment>("Comment").implement({
  description: "A remark on an experiment or one of its runs.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    body: t.exposeString("body", { description: "The text." }),
    runId: t.exposeID("runId", { nullable: true, description: "The run it is about, if any." }),
    author: t.field({
      type: UserRef,
      nullable: true,
      description: "Who wrote it.",
      resolve: (c, _a, { loaders }) => (c.authorId ? loaders.user.load(c.authorId) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
  }),
});

const AliasRef = builder
  .objectRef<{ name: string; checkpointId: string; updatedAt: Date }>("CheckpointAlias")
  .implement({
    description: "A name such as production pointing at one checkpoint of the experiment.",
    fields: (t) => ({
      name: t.exposeString("name", { description: "The alias." }),
      checkpoint: t.field({
        type: CheckpointRef,
        description: "The checkpoint it points at.",
        resolve: (a, _args, { loaders }) => loaders.checkpoint.load(a.checkpointId),
      }),
      updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last moved." }),
    }),
  });

const ExperimentSummaryRef = builder.objectRef<TrainingRun[]>("ExperimentSummary").implement({
  description: "An experiment's runs at a glance.",
  fields: (t) => ({
    runCount: t.int({ description: "Runs started.", resolve: (runs) => runs.length }),
    activeRunCount: t.int({
      description: "Runs queued, extracting or training.",
      resolve: (runs) => runs.filter((r) => isRunActive(r.status)).length,
    }),
    bestTestAccuracy: t.float({
      nullable: true,
      description: "The best test accuracy of its finished runs.",
      resolve: (runs) => {
        const accuracies = runs.flatMap((r) =>
          typeof r.metrics?.testAccuracy === "number" ? [r.metrics.testAccuracy] : [],
        );
        return accuracies.length ? Math.max(...accuracies) : null;
      },
    }),
  }),
});

export const ExperimentRef = builder.objectRef<Experiment>("Experiment").implement({
  description: "A dataset, a base model and hyperparameters; its runs are compared side by side.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    name: t.exposeString("name", { description: "Display name." }),
    description: t.exposeString("description", { description: "Free text." }),
    datasetId: t.exposeID("datasetId", { description: "Its dataset." }),
    baseModelId: t.exposeID("baseModelId", { description: "Its base model." }),
    hyperparameters: t.field({
      type: HyperparametersRef,
      description: "Defaults for its runs.",
      resolve: (e) => e.hyperparameters,
    }),
    runs: t.connection({
      type: RunRef,
      description: "Its runs, oldest first: hyperparameters and metrics side by side (`last: n` for the newest).",
      resolve: (e, args, { services }) => cursorPage(args, (page) => services.experiments.runsPage(e.id, page)),
    }),
    summary: t.field({
      type: ExperimentSummaryRef,
      description: "Its runs counted and its best test accuracy, for lists of experiments.",
      resolve: (e, _a, { loaders }) => loaders.runs.load(e.id),
    }),
    dataset: t.field({
      type: DatasetRef,
      description: "Its dataset.",
      resolve: (e, _a, { loaders }) => loaders.dataset.load(e.datasetId),
    }),
    baseModel: t.field({
      type: BaseModelRef,
      description: "Its base model.",
      resolve: (e, _a, { loaders }) => loaders.baseModel.load(e.baseModelId),
    }),
    aliases: t.field({
      type: [AliasRef],
      description: "Named checkpoints, such as production.",
      resolve: (e, _a, { loaders }) => loaders.aliases.load(e.id),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was created." }),
    comments: t.connection({
      type: CommentRef,
      description: "Comments on it and its runs, oldest first (`last: n` for the newest).",
      resolve: (e, args, { services }) => cursorPage(args, (page) => services.experiments.commentsPage(e.id, page)),
    }),
  }),
});

builder.queryFields((t) => ({
  experiment: t.field({
    type: ExperimentRef,
    description: "One experiment (NOT_FOUND outside your workspaces).",
    args: { id: t.arg.id({ required: true, description: "Experiment id." }) },
    resolve: (_r, a, { services, caller }) => services.experiments.experimentFor(caller, a.id, "read"),
  }),
}));

builder.mutationFields((t) => ({
  createExperiment: t.field({
    type: ExperimentRef,
    description: "Create an experiment (MEMBER or above). Hyperparameters not given take the defaults.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      baseModelId: t.arg.id({
        description: "Base model id; by default the catalog's recommended one (EfficientNet-B0, role DEFAULT).",
      }),
      name: t.arg.string({ required: true, description: "Display name." }),
      description: t.arg.string({ description: "Free text." }),
      hyperparameters: t.arg({ type: HyperparametersInput, description: "Defaults for its runs." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experiments.create(caller, {
        datasetId: a.datasetId,
        baseModelId: a.baseModelId == null ? null : a.baseModelId,
        name: a.name,
        description: a.description,
        hyperparameters: hyperparameterOverrides(a.hyperparameters),
      }),
  }),
  updateExperiment: t.field({
    type: ExperimentRef,
    description: "Rename an experiment or change its description (MEMBER or above).",
    args: {
      id: t.arg.id({ required: true, description: "Experiment id." }),
      name: t.arg.string({ description: "New name." }),
      description: t.arg.string({ description: "New description." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experimentHousekeeping.update(caller, a.id, { name: a.name, description: a.description }),
  }),
  deleteExperiment: t.boolean({
    description:
      "Delete an experiment with its runs and checkpoints (ADMIN or above); CONFLICT while a run is under way.",
    args: { id: t.arg.id({ required: true, description: "Experiment id." }) },
    resolve: (_r, a, { services, caller }) => services.experimentHousekeeping.delete(caller, a.id),
  }),
  removeAlias: t.boolean({
    description: "Remove an alias (MEMBER or above): predictions by it answer NOT_FOUND until it is set again.",
    args: {
      experimentId: t.arg.id({ required: true, description: "Experiment id." }),
      alias: t.arg.string({ required: true, description: "Alias name." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experimentHousekeeping.removeAlias(caller, a.experimentId, a.alias),
  }),
  addComment: t.field({
    type: CommentRef,
    description: "Comment on an experiment, or on a run (MEMBER or above).",
    args: {
      experimentId: t.arg.id({ description: "Experiment id." }),
      runId: t.arg.id({ description: "Run id (its experiment is implied)." }),
      body: t.arg.string({ required: true, description: "The text (1 to 5,000 characters)." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experiments.comment(caller, {
        experimentId: a.experimentId ? a.experimentId : null,
        runId: a.runId ? a.runId : null,
        body: a.body,
      }),
  }),
}));

builder.objectField(WorkspaceRef, "experiments", (t) =>
  t.connection({
    type: ExperimentRef,
    description: "Its experiments, newest first.",
    resolve: (w, args, { services }) => cursorPage(args, (page) => services.experiments.pageOfWorkspace(w.id, page)),
  }),
);

builder.objectField(WorkspaceRef, "myRecentRuns", (t) =>
  t.field({
    type: [RunRef],
    description:
      "The runs you started here in the last 24 hours, newest first (the dashboard tells you when one ends).",
    resolve: (w, _args, { services, caller }) => services.runs.recentOfCaller(caller, w.id),
  }),
);

builder.objectField(DatasetRef, "experiments", (t) =>
  t.field({
    type: [ExperimentRef],
    description: "Experiments on this dataset, oldest first (their runs share its splits: compareRuns pairs them).",
    resolve: (dataset, _args, { loaders }) => loaders.experimentsOfDataset.load(dataset.id),
  }),
);
