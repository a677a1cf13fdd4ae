import type { Image, Split, StoredHealthReport } from "@retrain/db";
import type { Loaders } from "../loaders.js";
import type { DatasetHealthReport } from "../services/health/dataset-health-service.js";
import type { HealthView } from "../services/health/health-view.js";
import { BaseModelRef } from "./base-model.js";
import { builder } from "./builder.js";
import { DatasetRef } from "./dataset.js";
import { DatasetMapRef } from "./dataset-map.js";
import { ExperimentRef } from "./experiment.js";
import { ImageRef, SplitEnum } from "./image.js";
import { JobRef } from "./job.js";

/** The images still there, in the group's order. */
const imagesOf = async (ids: string[], loaders: Loaders): Promise<Image[]> =>
  (await loaders.image.loadMany(ids)).flatMap((r) => (r === null || r instanceof Error ? [] : [r]));

const DuplicateGroupRef = builder.objectRef<HealthView["duplicates"][number]>("DuplicateGroup").implement({
  description: "Images whose vectors are nearly the same: re-encoded, resized or slightly cropped copies.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "What the finding is about (markFindingReviewed takes it)." }),
    images: t.field({
      type: [ImageRef],
      description: "Its images, still in the dataset.",
      resolve: (g, _a, { loaders }) => imagesOf(g.imageIds, loaders),
    }),
    maxDistance: t.exposeFloat("maxDistance", { description: "Largest cosine distance between linked copies." }),
    crossesSplits: t.exposeBoolean("crossesSplits", {
      description: "Leakage: its images sit in more than one split, so the evaluation has seen them in training.",
    }),
  }),
});

/** What every finding about one image has: its key (for reviews) and the image. */
const ImageFindingRef = builder.interfaceRef<{ key: string; imageId: string }>("ImageFinding").implement({
  description: "A health finding about one image.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "What the finding is about (markFindingReviewed takes it)." }),
    image: t.field({
      type: ImageRef,
      nullable: true,
      description: "The image (null when deleted since).",
      resolve: (f, _a, { loaders }) => loaders.image.load(f.imageId),
    }),
  }),
});

const MislabeledRef = builder.objectRef<HealthView["mislabeled"][number]>("MislabeledImage").implement({
  description: "An image whose given label looks wrong to heads that never trained on it (out-of-fold).",
  interfaces: [ImageFindingRef],
  fields: (t) => ({
    givenLabelId: t.exposeID("givenLabelId", { description: "The label it has." }),
    suggestedLabelId: t.exposeID("suggestedLabelId", { description: "The label the heads suggest." }),
    givenProbability: t.exposeFloat("givenProbability", { description: "Out-of-fold probability of its label." }),
    suggestedProbability: t.exposeFloat("suggestedProbability", {
      description: "Out-of-fold probability of the suggestion.",
    }),
  }),
});

const StrayRef = builder.objectRef<HealthView["strays"][number]>("StrayImage").implement({
  description: "An image far from every other (likely of no class).",
  interfaces: [ImageFindingRef],
  fields: (t) => ({
    score: t.exposeFloat("score", { description: "Mean cosine distance to its nearest neighbours." }),
  }),
});

type Balance = StoredHealthReport["balance"];
const ClassBalanceRef = builder.objectRef<Balance["perClass"][number]>("ClassBalance").implement({
  description: "Images of a class by split.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The class." }),
    train: t.exposeInt("train", { description: "TRAIN images." }),
    validation: t.exposeInt("validation", { description: "VALIDATION images." }),
    test: t.exposeInt("test", { description: "TEST images." }),
    total: t.exposeInt("total", { description: "All of them." }),
  }),
});
const MissingClassesRef = builder.objectRef<Balance["missing"][number]>("MissingClasses").implement({
  description: "A split with images but none of these classes.",
  fields: (t) => ({
    split: t.field({ type: SplitEnum, description: "The split.", resolve: (m) => m.split.toUpperCase() as Split }),
    labels: t.exposeStringList("labels", { description: "The classes it lacks." }),
  }),
});
const BalanceRef = builder.objectRef<Balance>("HealthBalance").implement({
  description: "Images per class and split, as checked.",
  fields: (t) => ({
    perClass: t.field({ type: [ClassBalanceRef], description: "Per class.", resolve: (b) => b.perClass }),
    smallClasses: t.exposeStringList("small", { description: "Classes under 20 images (they train poorly)." }),
    missing: t.field({ type: [MissingClassesRef], description: "Splits lacking classes.", resolve: (b) => b.missing }),
  }),
});

const HealthSummaryRef = builder.objectRef<DatasetHealthReport>("HealthSummary").implement({
  description: "Open findings by kind.",
  fields: (t) => ({
    duplicateGroups: t.int({ description: "Near-duplicate groups.", resolve: (h) => h.view.duplicates.length }),
    leakingGroups: t.int({
      description: "Near-duplicate groups spanning splits (leakage).",
      resolve: (h) => h.view.duplicates.filter((d) => d.crossesSplits).length,
    }),
    mislabeled: t.int({ description: "Likely mislabeled images.", resolve: (h) => h.view.mislabeled.length }),
    strays: t.int({ description: "Strays.", resolve: (h) => h.view.strays.length }),
    smallClasses: t.int({ description: "Classes under 20 images.", resolve: (h) => h.report.balance.small.length }),
    reviewed: t.int({ description: "Findings members marked as reviewed.", resolve: (h) => h.view.reviewed }),
  }),
});

const LIMIT = { description: "At most this many (1 to 500).", defaultValue: 100 };
const first = <T>(list: T[], limit: number | null | undefined) =>
  list.slice(0, Math.min(Math.max(limit ?? 100, 1), 500));

const DatasetHealthRef = builder.objectRef<DatasetHealthReport>("DatasetHealth").implement({
  description:
    "A dataset's health for one base model's vectors: near-duplicates and leakage, likely wrong labels, strays, balance and the map. Findings are read against the dataset as it is now.",
  fields: (t) => ({
    baseModel: t.field({
      type: BaseModelRef,
      description: "Whose vectors it checked.",
      resolve: (h, _a, { loaders }) => loaders.baseModel.load(h.baseModelId),
    }),
    computedAt: t.expose("computedAt", { type: "DateTime", description: "When it was computed." }),
    stale: t.exposeBoolean("stale", {
      description: "The dataset's images, labels or splits changed since: check again for new findings.",
    }),
    images: t.int({ description: "Labelled images it checked.", resolve: (h) => h.report.images }),
    summary: t.field({ type: HealthSummaryRef, description: "Open findings by kind.", resolve: (h) => h }),
    duplicates: t.field({
      type: [DuplicateGroupRef],
      args: { limit: t.arg.int(LIMIT) },
      description: "Near-duplicate groups, those spanning splits first.",
      resolve: (h, a) =>
        first(
          [...h.view.duplicates].sort((x, y) => Number(y.crossesSplits) - Number(x.crossesSplits)),
          a.limit,
        ),
    }),
    mislabeled: t.field({
      type: [MislabeledRef],
      args: { limit: t.arg.int(LIMIT) },
      description: "Likely mislabeled images, most confident first.",
      resolve: (h, a) => first(h.view.mislabeled, a.limit),
    }),
    strays: t.field({
      type: [StrayRef],
      args: { limit: t.arg.int(LIMIT) },
      description: "Strays, most isolated first.",
      resolve: (h, a) => first(h.view.strays, a.limit),
    }),
    balance: t.field({
      type: BalanceRef,
      description: "Images per class and split.",
      resolve: (h) => h.report.balance,
    }),
    map: t.field({ type: DatasetMapRef, description: "The 2-D map of its images.", resolve: (h) => h.map }),
  }),
});

builder.objectFields(DatasetRef, (t) => ({
  health: t.field({
    type: DatasetHealthRef,
    nullable: true,
    description: "Its health report for a base model (the latest of any when none is named); null before a check.",
    args: { baseModelId: t.arg.id({ description: "Base model id." }) },
    resolve: (d, a, { services, caller }) =>
      services.datasetHealth.report(caller, d.id, a.baseModelId ? a.baseModelId : null),
  }),
  healthCheck: t.field({
    type: JobRef,
    nullable: true,
    description: "Its latest health check job (follow it with jobProgress).",
    resolve: (d, _a, { services, caller }) => services.jobs.latestHealthCheck(caller, d.id),
  }),
}));

builder.objectField(ExperimentRef, "datasetHealth", (t) =>
  t.field({
    type: DatasetHealthRef,
    nullable: true,
    description: "Its dataset's health for its base model (shown before a run starts: leakage flatters scores).",
    resolve: (e, _a, { services, caller }) => services.datasetHealth.report(caller, e.datasetId, e.baseModelId),
  }),
);

builder.mutationFields((t) => ({
  startHealthCheck: t.field({
    type: JobRef,
    description:
      "Check a dataset's health for a base model: extracts missing vectors, then finds duplicates, wrong labels and strays, and draws the map. A check already running is returned.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      baseModelId: t.arg.id({ required: true, description: "Base model id." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.jobs.start(
        caller,
        "HEALTH",
        { datasetId: a.datasetId, baseModelId: a.baseModelId },
        { reuseUnfinished: true },
      ),
  }),
  markFindingReviewed: t.boolean({
    description: "Dismiss a health finding: it stays hidden in this and later reports.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      key: t.arg.string({ required: true, description: "The finding's key." }),
    },
    resolve: (_r, a, { services, caller }) => services.datasetHealth.markReviewed(caller, a.datasetId, a.key),
  }),
}));
