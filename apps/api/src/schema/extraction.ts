import type { BaseModel, Job } from "@retrain/db";
import { builder } from "./builder.js";

const BaseModelRef = builder.objectRef<BaseModel & { cached: boolean }>("BaseModel").implement({
  description: "A pretrained network cut at its bottleneck: a catalog model, or a workspace's own.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    key: t.exposeString("key", { description: "Catalog id (such as mobilenet_v2_035_224) or generated id." }),
    name: t.exposeString("name", { description: "Display name." }),
    sourceUrl: t.exposeString("sourceUrl", { description: "Where its model.json is published." }),
    format: t.string({ description: "LAYERS or GRAPH (TensorFlow.js model formats).", resolve: (m) => m.format }),
    inputSize: t.int({ description: "Input width and height in pixels.", resolve: (m) => m.inputWidth }),
    normalization: t.exposeString("normalization", { description: "Pixel range the model expects: [-1,1] or [0,1]." }),
    bottleneckOutput: t.exposeString("bottleneckOutput", {
      description: "Layer or node cut at (empty: last pooling layer).",
    }),
    featureDim: t.exposeInt("featureDim", { description: "Length of a bottleneck vector." }),
    weightsHash: t.exposeString("weightsHash", { nullable: true, description: "SHA-256 of its weights, once loaded." }),
    cached: t.exposeBoolean("cached", { description: "Whether its weights are on this server's disk." }),
  }),
});

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

const JobRef = builder.objectRef<Job>("Job").implement({
  description: "Background work: a bottleneck extraction (more kinds come with training runs and archive imports).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    kind: t.string({ description: "EXTRACT, TRAIN or IMPORT_ARCHIVE.", resolve: (j) => j.kind }),
    status: t.string({ description: "QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.", resolve: (j) => j.status }),
    progress: t.field({ type: JobProgress, description: "Done, total, rate and ETA.", resolve: (j) => j }),
    computed: t.int({
      nullable: true,
      description: "Vectors computed, once finished.",
      resolve: (j) => (j.result as { computed?: number } | null)?.computed ?? null,
    }),
    failed: t.int({
      nullable: true,
      description: "Images that could not be read, once finished.",
      resolve: (j) => (j.result as { failed?: number } | null)?.failed ?? null,
    }),
    error: t.exposeString("error", { nullable: true, description: "Why it failed." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was queued." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When it ended." }),
  }),
});

builder.queryField("baseModels", (t) =>
  t.field({
    type: [BaseModelRef],
    description: "Base models you can use.",
    resolve: (_r, _a, { services, caller }) => services.extraction.list(caller),
  }),
);

builder.queryField("job", (t) =>
  t.field({
    type: JobRef,
    description: "A job of one of your workspaces; poll it for progress.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    resolve: (_r, a, { services, caller }) => services.extraction.get(caller, String(a.id)),
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
    resolve: (_r, a, { services, caller }) =>
      services.extraction.start(caller, String(a.datasetId), String(a.baseModelId)),
  }),
  cancelJob: t.field({
    type: JobRef,
    description: "Ask a running job to stop; vectors computed so far are kept.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    resolve: (_r, a, { services, caller }) => services.extraction.cancel(caller, String(a.id)),
  }),
}));
