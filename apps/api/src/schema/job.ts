import type { Job } from "@retrain/db";
import { currentCaller } from "../context.js";
import { builder } from "./builder.js";
import { JobKindEnum, JobStatusEnum } from "./enums.js";

const JobProgress = builder.objectRef<Job>("JobProgress").implement({
  description: "How far a job is.",
  fields: (t) => ({
    done: t.exposeInt("progressDone", { description: "Items done." }),
    total: t.exposeInt("progressTotal", { description: "Items in all." }),
    imagesPerSecond: t.float({
      nullable: true,
      description: "Current rate.",
      resolve: (j) => (j.result as { imagesPerSecond?: number } | null)?.imagesPerSecond ?? null,
    }),
    etaSeconds: t.float({
      nullable: true,
      description: "Estimated seconds left.",
      resolve: (j) => (j.result as { etaSeconds?: number } | null)?.etaSeconds ?? null,
    }),
  }),
});

type Stored = Record<string, unknown>;
const num = (r: Stored, key: string) => (typeof r[key] === "number" ? (r[key] as number) : 0);

const ExtractionResultRef = builder.objectRef<Stored>("ExtractionResult").implement({
  description: "What an extraction did (so far, while it runs).",
  fields: (t) => ({
    computed: t.int({ description: "Vectors computed.", resolve: (r) => num(r, "computed") }),
    failed: t.int({ description: "Images the base model could not read.", resolve: (r) => num(r, "failed") }),
    imagesPerSecond: t.float({
      description: "Images per second, end to end.",
      resolve: (r) => num(r, "imagesPerSecond"),
    }),
    seconds: t.float({ description: "Time taken.", resolve: (r) => num(r, "seconds") }),
  }),
});

const RejectionRef = builder.objectRef<{ name: string; reason: string }>("Rejection").implement({
  description: "A file that was not imported, and why.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Its path in the archive." }),
    reason: t.exposeString("reason", { description: "Why." }),
  }),
});

const ImportResultRef = builder.objectRef<Stored>("ImportResult").implement({
  description: "What an archive import did (so far, while it runs).",
  fields: (t) => ({
    accepted: t.int({ description: "Images stored.", resolve: (r) => num(r, "accepted") }),
    duplicates: t.int({ description: "Images the dataset had already.", resolve: (r) => num(r, "duplicates") }),
    rejected: t.int({ description: "Files not imported.", resolve: (r) => num(r, "rejected") }),
    rejections: t.field({
      type: [RejectionRef],
      description: "The first 200 of them, with reasons.",
      resolve: (r) => (Array.isArray(r.rejections) ? (r.rejections as { name: string; reason: string }[]) : []),
    }),
  }),
});

const TrainingResultRef = builder.objectRef<Stored>("TrainingResult").implement({
  description: "What a training job saved (the run holds its metrics and evaluation).",
  fields: (t) => ({
    checkpointStep: t.int({ description: "The epoch its checkpoint keeps.", resolve: (r) => num(r, "checkpointStep") }),
  }),
});

const HealthResultRef = builder.objectRef<Stored>("HealthResult").implement({
  description: "What a health check found (the dataset's `health` has the findings).",
  fields: (t) => ({
    images: t.int({ description: "Labelled images checked.", resolve: (r) => num(r, "images") }),
    duplicateGroups: t.int({ description: "Groups of near-duplicates.", resolve: (r) => num(r, "duplicateGroups") }),
    leakingGroups: t.int({
      description: "Of them, groups spanning splits.",
      resolve: (r) => num(r, "leakingGroups"),
    }),
    mislabeled: t.int({ description: "Likely mislabeled images.", resolve: (r) => num(r, "mislabeled") }),
    strays: t.int({ description: "Images far from every class.", resolve: (r) => num(r, "strays") }),
    stage: t.string({
      nullable: true,
      description: "While it runs: extract, neighbours, folds (out-of-fold heads) or map.",
      resolve: (r) => (typeof r.stage === "string" ? r.stage : null),
    }),
  }),
});

const RESULT_OF_KIND = {
  EXTRACT: ExtractionResultRef,
  IMPORT_ARCHIVE: ImportResultRef,
  TRAIN: TrainingResultRef,
  HEALTH: HealthResultRef,
};

const JobResultUnion = builder.unionType("JobResult", {
  description: "What a job did, by kind.",
  types: [ExtractionResultRef, ImportResultRef, TrainingResultRef, HealthResultRef],
  resolveType: (result) => RESULT_OF_KIND[result.kind as Job["kind"]] ?? ExtractionResultRef,
});

export const JobRef = builder.objectRef<Job>("Job").implement({
  description: "Background work: an extraction, an archive import, a training or a health check.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    kind: t.field({ type: JobKindEnum, description: "What it does.", resolve: (j) => j.kind }),
    status: t.field({ type: JobStatusEnum, description: "Where it is.", resolve: (j) => j.status }),
    progress: t.field({ type: JobProgress, description: "Done, total, rate and ETA.", resolve: (j) => j }),
    backend: t.string({
      nullable: true,
      description: "What ran the base model: onnxruntime (native), or a TensorFlow.js backend (extraction jobs).",
      resolve: (j) => (j.result as { backend?: string } | null)?.backend ?? null,
    }),
    result: t.field({
      type: JobResultUnion,
      nullable: true,
      description: "What it did, by kind (so far, while it runs).",
      // The stored JSON carries no kind: the job's own tells the union which type it is.
      resolve: (j) => (j.result && typeof j.result === "object" ? { ...(j.result as Stored), kind: j.kind } : null),
    }),
    error: t.exposeString("error", { nullable: true, description: "Why it failed." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was queued." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When it ended." }),
  }),
});

builder.queryField("job", (t) =>
  t.field({
    type: JobRef,
    description: "A job of one of your workspaces; poll it for progress.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    resolve: (_r, a, { services, caller }) => services.extraction.get(caller, a.id),
  }),
);

builder.mutationFields((t) => ({
  startExtraction: t.field({
    type: JobRef,
    description: "Compute the bottleneck vectors a dataset lacks for a base model (only the missing ones).",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      baseModelId: t.arg.id({ required: true, description: "Base model id." }),
    },
    resolve: (_r, a, { services, caller }) => services.extraction.start(caller, a.datasetId, a.baseModelId),
  }),
  cancelJob: t.field({
    type: JobRef,
    description: "Ask a running job to stop; vectors computed so far are kept.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    resolve: (_r, a, { services, caller }) => services.extraction.cancel(caller, a.id),
  }),
}));

builder.mutationField("importArchive", (t) =>
  t.field({
    type: JobRef,
    description:
      "Import a class-per-folder zip (daisy/1.jpg ...) as a job; poll or subscribe for progress. Large archives: POST the raw zip to /datasets/{id}/archive instead.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      base64: t.arg.string({ required: true, description: "The zip, base64-encoded." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.imports.start(caller, a.datasetId, Buffer.from(a.base64, "base64")),
  }),
);

builder.subscriptionField("jobProgress", (t) =>
  t.field({
    type: JobRef,
    description: "The job each time its progress or status changes, until it ends.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    subscribe: (_r, a, ctx) => ctx.services.extraction.watch(() => currentCaller(ctx), a.id),
    resolve: (job) => job,
  }),
);
