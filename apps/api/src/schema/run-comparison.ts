import type { RunComparison } from "@retrain/engine";
import { builder } from "./builder.js";

type Interval = RunComparison["accuracyA"];

const IntervalRef = builder.objectRef<Interval>("Interval").implement({
  description: "A figure with its 95% bootstrap interval.",
  fields: (t) => ({
    value: t.exposeFloat("value", { description: "On all the images." }),
    low: t.exposeFloat("low", { description: "2.5th percentile over resamples." }),
    high: t.exposeFloat("high", { description: "97.5th percentile over resamples." }),
  }),
});

const ClassF1Ref = builder.objectRef<RunComparison["perClass"][number]>("ClassComparison").implement({
  description: "One class's F1 in each run, with intervals.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The class." }),
    f1A: t.field({ type: IntervalRef, description: "F1 of run A.", resolve: (c) => c.f1A }),
    f1B: t.field({ type: IntervalRef, description: "F1 of run B.", resolve: (c) => c.f1B }),
  }),
});

const ComparisonRef = builder.objectRef<RunComparison>("PairedComparison").implement({
  description: "Two runs on the same held-out images: McNemar's exact test and paired bootstrap intervals.",
  fields: (t) => ({
    images: t.exposeInt("images", { description: "Images both were evaluated on." }),
    accuracyA: t.field({ type: IntervalRef, description: "Accuracy of run A.", resolve: (c) => c.accuracyA }),
    accuracyB: t.field({ type: IntervalRef, description: "Accuracy of run B.", resolve: (c) => c.accuracyB }),
    difference: t.field({ type: IntervalRef, description: "B's accuracy minus A's.", resolve: (c) => c.difference }),
    perClass: t.field({ type: [ClassF1Ref], description: "Per-class F1.", resolve: (c) => c.perClass }),
    onlyA: t.exposeInt("onlyA", { description: "Images only A got right." }),
    onlyB: t.exposeInt("onlyB", { description: "Images only B got right." }),
    pValue: t.exposeFloat("pValue", { description: "McNemar's exact two-sided p-value." }),
    significant: t.exposeBoolean("significant", { description: "p < 0.05." }),
    verdict: t.exposeString("verdict", { description: "The result in words." }),
  }),
});

const RunComparisonRef = builder
  .objectRef<{ comparison: RunComparison | null; reason: string | null }>("RunComparison")
  .implement({
    description: "A comparison of two runs, or why they cannot be compared honestly.",
    fields: (t) => ({
      comparison: t.field({
        type: ComparisonRef,
        nullable: true,
        description: "The paired comparison.",
        resolve: (r) => r.comparison,
      }),
      reason: t.exposeString("reason", { nullable: true, description: "Why there is no comparison." }),
    }),
  });

builder.queryField("compareRuns", (t) =>
  t.field({
    type: RunComparisonRef,
    description:
      "Compare two runs on one dataset (of one experiment, or of two: say MobileNetV2-0.35 against EfficientNet-B0) on the held-out images both were evaluated on: is the difference real or chance?",
    args: {
      runA: t.arg.id({ required: true, description: "The earlier or baseline run." }),
      runB: t.arg.id({ required: true, description: "The run to judge against it." }),
    },
    resolve: (_r, a, { services, caller }) => services.runs.compare(caller, a.runA, a.runB),
  }),
);
