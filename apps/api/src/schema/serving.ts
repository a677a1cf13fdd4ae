import type { ServingService } from "../services/serving/serving-service.js";
import { builder } from "./builder.js";
import { cursorPage } from "./connection.js";
import { ExperimentRef } from "./experiment.js";
import { SplitEnum } from "./image.js";
import { ServedPredictionRef } from "./prediction.js";
import { WorkspaceRef } from "./workspace.js";

type Summary = Awaited<ReturnType<ServingService["summary"]>>;

const LabelCountRef = builder.objectRef<{ label: string; count: number }>("LabelCount").implement({
  description: "How many answers gave a label.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The label." }),
    count: t.exposeInt("count", { description: "Answers." }),
  }),
});

const ServingDayRef = builder.objectRef<Summary["days"][number]>("ServingDay").implement({
  description: "One day of an alias's answers.",
  fields: (t) => ({
    date: t.exposeString("date", { description: "The day (UTC), YYYY-MM-DD." }),
    count: t.exposeInt("count", { description: "Images answered." }),
    unknown: t.exposeInt("unknown", { description: 'Of them, answered "don\'t know".' }),
    meanConfidence: t.exposeFloat("meanConfidence", { description: "Mean top probability." }),
    labels: t.field({ type: [LabelCountRef], description: "Answers per label.", resolve: (d) => d.labels }),
  }),
});

const LabelShareRef = builder.objectRef<Summary["shares"][number]>("LabelShare").implement({
  description: "A label's share of the training split and of last week's answers.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The label." }),
    training: t.exposeFloat("training", { description: "Share of TRAIN images." }),
    served: t.exposeFloat("served", { description: "Share of last week's answered images." }),
  }),
});

const ServingSummaryRef = builder.objectRef<Summary>("ServingSummary").implement({
  description:
    "What an alias served, per day, and whether its answers drift from the training distribution (population stability index over the last 7 days).",
  fields: (t) => ({
    alias: t.exposeString("alias", { description: "The alias." }),
    days: t.field({ type: [ServingDayRef], description: "Days with answers, oldest first.", resolve: (s) => s.days }),
    shares: t.field({ type: [LabelShareRef], description: "Training and served shares.", resolve: (s) => s.shares }),
    psi: t.exposeFloat("psi", {
      nullable: true,
      description: "Population stability index (null under 30 answers last week).",
    }),
    threshold: t.exposeFloat("threshold", { description: "PSI above this is drift." }),
    drift: t.exposeBoolean("drift", { description: "Whether the answers drifted from training." }),
    recentPredictions: t.exposeInt("recentPredictions", { description: "Answered images in the last 7 days." }),
  }),
});

builder.objectField(ExperimentRef, "serving", (t) =>
  t.field({
    type: ServingSummaryRef,
    description: "What an alias of this experiment served, with a drift alert.",
    args: {
      alias: t.arg.string({ defaultValue: "production", description: "The alias." }),
      days: t.arg.int({ defaultValue: 14, description: "Days back (1 to 90)." }),
    },
    resolve: (e, a, { services, caller }) =>
      services.serving.summary(caller, e.id, a.alias ?? "production", a.days ?? 14),
  }),
);

builder.objectFields(WorkspaceRef, (t) => ({
  keepServedImages: t.exposeBoolean("keepServedImages", {
    description: "Whether predict(keep: true) may store served images for the review queue.",
  }),
  reviewQueue: t.connection({
    type: ServedPredictionRef,
    description: 'Kept images answered "don\'t know" or with a lead under 20% over the runner-up, not yet reviewed.',
    resolve: (w, args, { services, caller }) =>
      cursorPage(args, (page) => services.serving.reviewQueue(caller, w.id, page)),
  }),
}));

const LabelledRef = builder.objectRef<{ imageId: string | null; status: string }>("ReviewResult").implement({
  description: "Where a reviewed image went.",
  fields: (t) => ({
    imageId: t.exposeID("imageId", { nullable: true, description: "The dataset image it became." }),
    status: t.exposeString("status", { description: "ACCEPTED, or DUPLICATE when the dataset had it." }),
  }),
});

builder.mutationFields((t) => ({
  setKeepServedImages: t.field({
    type: WorkspaceRef,
    description: "Allow or stop keeping served images for review (owners).",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      keep: t.arg.boolean({ required: true, description: "Allow it." }),
    },
    resolve: (_r, a, { services, caller }) => services.serving.setKeepServedImages(caller, a.workspaceId, a.keep),
  }),
  labelServedPrediction: t.field({
    type: LabelledRef,
    description: "Label a kept image from the review queue: it joins the checkpoint's dataset for the next run.",
    args: {
      predictionId: t.arg.id({ required: true, description: "Served prediction id." }),
      label: t.arg.string({ required: true, description: "Its label (made if new)." }),
      split: t.arg({ type: SplitEnum, defaultValue: "TRAIN", description: "Its split." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.serving.label(caller, a.predictionId, a.label, a.split ?? "TRAIN"),
  }),
  dismissServedPrediction: t.boolean({
    description: "Take a kept image off the review queue without adding it.",
    args: { predictionId: t.arg.id({ required: true, description: "Served prediction id." }) },
    resolve: (_r, a, { services, caller }) => services.serving.dismiss(caller, a.predictionId),
  }),
}));
