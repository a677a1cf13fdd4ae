import type { Calibration } from "@retrain/engine";
import { builder } from "./builder.js";
import { CheckpointRef } from "./checkpoint.js";

type Bin = Calibration["reliability"]["before"][number];
type Point = Calibration["curve"][number];

const ReliabilityBinRef = builder.objectRef<Bin>("ReliabilityBin").implement({
  description: "Images whose top probability falls in one tenth of [0, 1]: how sure, and how often right.",
  fields: (t) => ({
    confidence: t.exposeFloat("confidence", { description: "Mean top probability." }),
    accuracy: t.exposeFloat("accuracy", { description: "Fraction right." }),
    count: t.exposeInt("count", { description: "Images in the bin." }),
  }),
});

const CurvePointRef = builder.objectRef<Point>("CoveragePoint").implement({
  description: "Answering only at or above a calibrated confidence: how many are answered, how many rightly.",
  fields: (t) => ({
    threshold: t.exposeFloat("threshold", { description: "Calibrated confidence needed to answer." }),
    coverage: t.exposeFloat("coverage", { description: "Fraction of images answered." }),
    precision: t.exposeFloat("precision", { description: "Fraction of the answered that are right." }),
  }),
});

const CalibrationRef = builder.objectRef<Calibration>("Calibration").implement({
  description:
    "How far a checkpoint's probabilities can be believed, and when it says \"don't know\": temperature scaling fitted on validation, calibration error before and after, and the abstention threshold for a target precision.",
  fields: (t) => ({
    temperature: t.exposeFloat("temperature", {
      description: "Logits are divided by it (above 1: it was overconfident).",
    }),
    fittedOn: t.exposeString("fittedOn", { description: "The split it was fitted on (validation, else train)." }),
    evaluatedOn: t.exposeString("evaluatedOn", { description: "The split the errors below are measured on." }),
    eceBefore: t.float({ description: "Expected calibration error before scaling.", resolve: (c) => c.ece.before }),
    eceAfter: t.float({ description: "Expected calibration error after scaling.", resolve: (c) => c.ece.after }),
    reliabilityBefore: t.field({
      type: [ReliabilityBinRef],
      description: "Reliability diagram before scaling.",
      resolve: (c) => c.reliability.before,
    }),
    reliabilityAfter: t.field({
      type: [ReliabilityBinRef],
      description: "Reliability diagram after scaling.",
      resolve: (c) => c.reliability.after,
    }),
    curve: t.field({
      type: [CurvePointRef],
      description: "Precision against coverage on the fitting split, lowest threshold first.",
      resolve: (c) => c.curve,
    }),
    targetPrecision: t.exposeFloat("targetPrecision", { description: "The precision answers are held to." }),
    threshold: t.exposeFloat("threshold", { description: "Below this calibrated confidence the answer is unknown." }),
    farDistance: t.exposeFloat("farDistance", {
      description: "Cosine distance to the nearest class centroid beyond which an image is far from every class.",
    }),
  }),
});

builder.objectField(CheckpointRef, "calibration", (t) =>
  t.field({
    type: CalibrationRef,
    nullable: true,
    description: "Its calibration and abstention threshold (null for checkpoints trained before calibration).",
    resolve: (c, _a, { loaders }) => loaders.calibration.load(c.id),
  }),
);

builder.mutationField("setTargetPrecision", (t) =>
  t.field({
    type: CheckpointRef,
    description:
      'Move a checkpoint along its precision/coverage curve: answers are held to this precision (0.5 to 0.999), and the rest say "don\'t know". MEMBER or above.',
    args: {
      checkpointId: t.arg.id({ required: true, description: "Checkpoint id." }),
      targetPrecision: t.arg.float({ required: true, description: "From 0.5 to 0.999." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.calibration.setTargetPrecision(caller, a.checkpointId, a.targetPrecision),
  }),
);
