import type { ClassMetrics, Misclassified, StoredEvaluation, StoredMetrics } from "@retrain/engine";
import { builder } from "./builder.js";
import { EvaluationSplitEnum } from "./enums.js";
import { ImageRef } from "./image.js";
import { LabelProbabilityRef } from "./label-probability.js";

export const RunMetricsRef = builder.objectRef<StoredMetrics>("RunMetrics").implement({
  description: "A finished run's figures, each from the split its name says (null when that split is empty).",
  fields: (t) => ({
    trainAccuracy: t.float({
      nullable: true,
      description: "On the training split, at the kept epoch.",
      resolve: (m) => m.trainAccuracy ?? null,
    }),
    validationAccuracy: t.float({
      nullable: true,
      description: "On the validation split (which early stopping watched).",
      resolve: (m) => m.validationAccuracy ?? null,
    }),
    testAccuracy: t.float({
      nullable: true,
      description: "On the test split.",
      resolve: (m) => m.testAccuracy ?? null,
    }),
    testTopKAccuracy: t.float({
      nullable: true,
      description: "Top-k accuracy on the test split.",
      resolve: (m) => m.testTopKAccuracy ?? null,
    }),
    evaluatedOn: t.field({
      type: EvaluationSplitEnum,
      nullable: true,
      description: "The split the run's `evaluation` was computed on (test when it has images).",
      resolve: (m) => m.evaluatedOn ?? null,
    }),
    epochs: t.int({ nullable: true, description: "Epochs trained.", resolve: (m) => m.epochs ?? null }),
    bestEpoch: t.int({
      nullable: true,
      description: "The epoch whose weights the checkpoint keeps.",
      resolve: (m) => m.bestEpoch ?? null,
    }),
    stoppedEarly: t.boolean({
      nullable: true,
      description: "Whether early stopping ended it.",
      resolve: (m) => m.stoppedEarly ?? null,
    }),
    trainingSeconds: t.float({
      nullable: true,
      description: "Time spent training the head.",
      resolve: (m) => m.trainingSeconds ?? null,
    }),
  }),
});

const ClassMetricsRef = builder.objectRef<ClassMetrics>("ClassMetrics").implement({
  description: "One class's figures.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "Class name." }),
    precision: t.exposeFloat("precision", { description: "Right among those predicted as it." }),
    recall: t.exposeFloat("recall", { description: "Found among those that are it." }),
    f1: t.exposeFloat("f1", { description: "Harmonic mean of precision and recall." }),
    support: t.exposeInt("support", { description: "Images of it evaluated." }),
  }),
});

const ConfusionRowRef = builder.objectRef<{ label: string; counts: number[] }>("ConfusionRow").implement({
  description: "One true class's row of the confusion matrix.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The true class." }),
    counts: t.exposeIntList("counts", { description: "Images predicted as each class, in `Evaluation.labels` order." }),
  }),
});

const MisclassifiedRef = builder.objectRef<Misclassified>("Misclassified").implement({
  description: "An evaluated image the run got wrong.",
  fields: (t) => ({
    image: t.field({
      type: ImageRef,
      nullable: true,
      description: "The image (null when it has been deleted since).",
      resolve: (m, _a, { loaders }) => loaders.image.load(m.name),
    }),
    trueLabel: t.exposeString("trueLabel", { description: "Its label." }),
    predictedLabel: t.exposeString("predictedLabel", { description: "What the run answered." }),
    top: t.field({
      type: [LabelProbabilityRef],
      description: "The top classes, most likely first.",
      resolve: (m) => m.top,
    }),
  }),
});

export const EvaluationRef = builder.objectRef<StoredEvaluation>("Evaluation").implement({
  description: "A finished run measured on held-out images (see `RunMetrics.evaluatedOn` for which split).",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "Images evaluated." }),
    accuracy: t.exposeFloat("accuracy", { description: "Share answered right." }),
    topK: t.exposeInt("topK", { description: "The k of topKAccuracy." }),
    topKAccuracy: t.exposeFloat("topKAccuracy", { description: "Share whose label is among the k most likely." }),
    labels: t.stringList({
      description: "Class names, in matrix order.",
      resolve: (e) => e.perClass.map((c) => c.label),
    }),
    perClass: t.field({ type: [ClassMetricsRef], description: "Per-class figures.", resolve: (e) => e.perClass }),
    confusionMatrix: t.field({
      type: [ConfusionRowRef],
      description: "Rows: true class; columns: predicted class, in `labels` order.",
      resolve: (e) => e.confusionMatrix.map((counts, i) => ({ label: e.perClass[i]?.label ?? String(i), counts })),
    }),
    misclassified: t.field({
      type: [MisclassifiedRef],
      description: "Up to 100 of the mistakes.",
      resolve: (e) => e.misclassified,
    }),
  }),
});
