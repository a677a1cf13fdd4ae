import type { Checkpoint, Comment, EpochMetric, Experiment, TrainingRun } from "@retrain/db";
import { builder } from "./builder.js";
import { UserRef } from "./user.js";

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

type CheckpointSummary = Omit<Checkpoint, "weights" | "optimizerState">;

const CheckpointRef = builder.objectRef<CheckpointSummary>("Checkpoint").implement({
  description: "A trained head saved by a run: labels, metrics and the base model it belongs to.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    step: t.exposeInt("step", { description: "The epoch whose weights it holds." }),
    labels: t.exposeStringList("labels", { description: "Class names in output order." }),
    metrics: t.expose("metrics", { type: "JSON", nullable: true, description: "Accuracies at that step." }),
    baseModelWeightsHash: t.exposeString("baseModelWeightsHash", {
      description: "The base model's weights it was trained on.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was saved." }),
  }),
});

const EpochRef = builder.objectRef<EpochMetric>("EpochMetric").implement({
  description: "Loss and accuracy after one epoch.",
  fields: (t) => ({
    epoch: t.exposeInt("epoch", { description: "1-based." }),
    trainLoss: t.exposeFloat("trainLoss", { description: "Cross-entropy on the training split." }),
    trainAccuracy: t.exposeFloat("trainAccuracy", { description: "Accuracy on the training split." }),
    validationLoss: t.exposeFloat("validationLoss", { nullable: true, description: "On the validation split." }),
    validationAccuracy: t.exposeFloat("validationAccuracy", {
      nullable: true,
      description: "On the validation split.",
    }),
  }),
});

const RunRef = builder.objectRef<TrainingRun>("TrainingRun").implement({
  description: "One training of an experiment's head.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    experimentId: t.exposeID("experimentId", { description: "Its experiment." }),
    status: t.string({
      description: "QUEUED, EXTRACTING, TRAINING, SUCCEEDED, FAILED or CANCELLED.",
      resolve: (r) => r.status,
    }),
    hyperparameters: t.expose("hyperparameters", { type: "JSON", description: "What it was trained with." }),
    metrics: t.expose("metrics", { type: "JSON", nullable: true, description: "Final accuracies and timings." }),
    evaluation: t.expose("evaluation", {
      type: "JSON",
      nullable: true,
      description: "Confusion matrix, per-class precision/recall/F1, misclassified images.",
    }),
    error: t.exposeString("error", { nullable: true, description: "Why it failed." }),
    queuedAt: t.expose("queuedAt", { type: "DateTime", description: "When it was started." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When it ended." }),
    epochs: t.field({
      type: [EpochRef],
      description: "Per-epoch metrics.",
      resolve: (r, _a, { loaders }) => loaders.epochs.load(r.id),
    }),
    checkpoints: t.field({
      type: [CheckpointRef],
      description: "Saved checkpoints.",
      resolve: (r, _a, { loaders }) => loaders.checkpoints.load(r.id),
    }),
  }),
});

const ExperimentRef = builder.objectRef<Experiment>("Experiment").implement({
  description: "A dataset, a base model and hyperparameters; its runs are compared side by side.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    name: t.exposeString("name", { description: "Display name." }),
    description: t.exposeString("description", { description: "Free text." }),
    datasetId: t.exposeID("datasetId", { description: "Its dataset." }),
    baseModelId: t.exposeID("baseModelId", { description: "Its base model." }),
    hyperparameters: t.expose("hyperparameters", { type: "JSON", description: "Defaults for its runs." }),
    runs: t.field({
      type: [RunRef],
      description: "Its runs, oldest first: hyperparameters and metrics side by side.",
      resolve: (e, _a, { loaders }) => loaders.runs.load(e.id),
    }),
    comments: t.field({
      type: [CommentRef],
      description: "Comments on it and its runs, oldest first.",
      resolve: (e, _a, { loaders }) => loaders.comments.load(e.id),
    }),
  }),
});

builder.queryFields((t) => ({
  experiment: t.field({
    type: ExperimentRef,
    description: "One experiment (NOT_FOUND outside your workspaces).",
    args: { id: t.arg.id({ required: true, description: "Experiment id." }) },
    resolve: (_r, a, { services, caller }) => services.experiments.experimentFor(caller, String(a.id), "read"),
  }),
  run: t.field({
    type: RunRef,
    description: "One training run; poll it for status and epochs.",
    args: { id: t.arg.id({ required: true, description: "Run id." }) },
    resolve: (_r, a, { services, caller }) => services.experiments.run(caller, String(a.id)),
  }),
}));

builder.mutationFields((t) => ({
  createExperiment: t.field({
    type: ExperimentRef,
    description: "Create an experiment (MEMBER or above). Hyperparameters not given take the defaults.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      baseModelId: t.arg.id({ required: true, description: "Base model id." }),
      name: t.arg.string({ required: true, description: "Display name." }),
      description: t.arg.string({ description: "Free text." }),
      hyperparameters: t.arg({
        type: "JSON",
        description:
          "epochs, batchSize, learningRate, optimizer, l2, labelSmoothing, hiddenUnits, dropout, classWeights, earlyStoppingPatience, seed.",
      }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experiments.create(caller, {
        datasetId: String(a.datasetId),
        baseModelId: String(a.baseModelId),
        name: a.name,
        description: a.description,
        hyperparameters: a.hyperparameters,
      }),
  }),
  startRun: t.field({
    type: RunRef,
    description: "Train the experiment's head (extracting missing vectors first) in the background.",
    args: {
      experimentId: t.arg.id({ required: true, description: "Experiment id." }),
      hyperparameters: t.arg({ type: "JSON", description: "Overrides for this run." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experiments.startRun(caller, String(a.experimentId), a.hyperparameters),
  }),
  addComment: t.field({
    type: CommentRef,
    description: "Comment on an experiment, or on a run (MEMBER or above).",
    args: {
      experimentId: t.arg.id({ description: "Experiment id." }),
      runId: t.arg.id({ description: "Run id (its experiment is implied)." }),
      body: t.arg.string({ required: true, description: "The text (up to 5,000 characters)." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experiments.comment(caller, {
        experimentId: a.experimentId ? String(a.experimentId) : null,
        runId: a.runId ? String(a.runId) : null,
        body: a.body,
      }),
  }),
  promoteCheckpoint: t.field({
    type: CheckpointRef,
    description: "Point an alias of the experiment (such as production) at this checkpoint.",
    args: {
      checkpointId: t.arg.id({ required: true, description: "Checkpoint id." }),
      alias: t.arg.string({ defaultValue: "production", description: "Alias name." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.experiments.promote(caller, String(a.checkpointId), a.alias ?? "production"),
  }),
}));
