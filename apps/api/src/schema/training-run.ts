import type { EpochMetric, TrainingRun } from "@retrain/db";
import { currentCaller } from "../context.js";
import { builder } from "./builder.js";
import { CheckpointRef } from "./checkpoint.js";
import { RunStatusEnum } from "./enums.js";
import { HyperparametersInput, HyperparametersRef, hyperparameterOverrides } from "./hyperparameters.js";
import { JobRef } from "./job.js";
import { EvaluationRef, RunMetricsRef } from "./run-results.js";

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

export const RunRef = builder.objectRef<TrainingRun>("TrainingRun").implement({
  description: "One training of an experiment's head.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    experimentId: t.exposeID("experimentId", { description: "Its experiment." }),
    status: t.field({ type: RunStatusEnum, description: "Where it is.", resolve: (r) => r.status }),
    hyperparameters: t.field({
      type: HyperparametersRef,
      description: "What it was trained with.",
      resolve: (r) => r.hyperparameters,
    }),
    metrics: t.field({
      type: RunMetricsRef,
      nullable: true,
      description: "Final accuracies and timings, once finished.",
      resolve: (r) => r.metrics,
    }),
    evaluation: t.field({
      type: EvaluationRef,
      nullable: true,
      description: "Confusion matrix, per-class precision/recall/F1 and mistakes, once finished.",
      resolve: (r) => r.evaluation,
    }),
    error: t.exposeString("error", { nullable: true, description: "Why it failed." }),
    queuedAt: t.expose("queuedAt", { type: "DateTime", description: "When it was started." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When it ended." }),
    resumedFromId: t.exposeID("resumedFromId", { nullable: true, description: "The checkpoint it continued." }),
    extraction: t.field({
      type: JobRef,
      nullable: true,
      description: "Its extraction of missing vectors, with progress.",
      resolve: (r, _a, { loaders }) => loaders.runExtraction.load(r.id),
    }),
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

builder.queryFields((t) => ({
  run: t.field({
    type: RunRef,
    description: "One training run; poll it for status and epochs.",
    args: { id: t.arg.id({ required: true, description: "Run id." }) },
    resolve: (_r, a, { services, caller }) => services.runs.run(caller, a.id),
  }),
}));

builder.mutationFields((t) => ({
  startRun: t.field({
    type: RunRef,
    description: "Train the experiment's head (extracting missing vectors first) in the background.",
    args: {
      experimentId: t.arg.id({ required: true, description: "Experiment id." }),
      hyperparameters: t.arg({
        type: HyperparametersInput,
        description: "Overrides of the experiment's for this run.",
      }),
      resumeFromCheckpointId: t.arg.id({
        description:
          "Continue this checkpoint's head and optimizer for `epochs` more epochs, instead of starting afresh.",
      }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.runs.start(caller, a.experimentId, {
        overrides: hyperparameterOverrides(a.hyperparameters),
        resumeFromCheckpointId: a.resumeFromCheckpointId ?? null,
      }),
  }),
  deleteRun: t.boolean({
    description:
      "Delete a finished run and its checkpoints (MEMBER or above); CONFLICT while it runs or while an alias serves one of its checkpoints.",
    args: { id: t.arg.id({ required: true, description: "Run id." }) },
    resolve: (_r, a, { services, caller }) => services.experimentHousekeeping.deleteRun(caller, a.id),
  }),
  cancelRun: t.field({
    type: RunRef,
    description: "Stop a run between extraction batches or epochs (MEMBER or above); what it stored is kept.",
    args: { id: t.arg.id({ required: true, description: "Run id." }) },
    resolve: (_r, a, { services, caller }) => services.runs.cancel(caller, a.id),
  }),
}));

builder.subscriptionField("runProgress", (t) =>
  t.field({
    type: RunRef,
    description: "The run each time its status, extraction progress or epochs change, until it ends.",
    args: { id: t.arg.id({ required: true, description: "Run id." }) },
    subscribe: (_r, a, ctx) => ctx.services.runs.watch(() => currentCaller(ctx), a.id),
    resolve: (update) => update.row,
  }),
);
