import type { Job } from "@retrain/db";
import { currentCaller } from "../context.js";
import { builder } from "./builder.js";
import { JobKindEnum, JobStatusEnum } from "./enums.js";
import { JobResultUnion } from "./job-results.js";

const JobProgress = builder.objectRef<Job>("JobProgress").implement({
  description: "How far a job is.",
  fields: (t) => ({
    done: t.exposeInt("progressDone", { description: "Items done." }),
    total: t.exposeInt("progressTotal", { description: "Items in all." }),
    imagesPerSecond: t.float({
      nullable: true,
      description: "Current rate.",
      resolve: (j) => j.result?.imagesPerSecond ?? null,
    }),
    etaSeconds: t.float({
      nullable: true,
      description: "Estimated seconds left.",
      resolve: (j) => j.result?.etaSeconds ?? null,
    }),
  }),
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
      resolve: (j) => j.result?.backend ?? null,
    }),
    result: t.field({
      type: JobResultUnion,
      nullable: true,
      description: "What it did, by kind (so far, while it runs).",
      // The stored JSON carries no kind: the job's own tells the union which type it is.
      resolve: (j) => (j.result ? { ...j.result, kind: j.kind } : null),
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
    resolve: (_r, a, { services, caller }) => services.jobs.get(caller, a.id),
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
      services.jobs.start(caller, "EXTRACT", { datasetId: a.datasetId, baseModelId: a.baseModelId }),
  }),
  cancelJob: t.field({
    type: JobRef,
    description: "Ask a running job to stop; vectors computed so far are kept.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    resolve: (_r, a, { services, caller }) => services.jobs.cancel(caller, a.id),
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
    subscribe: (_r, a, ctx) => ctx.services.jobs.watch(() => currentCaller(ctx), a.id),
    resolve: (job) => job,
  }),
);
