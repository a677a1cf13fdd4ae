import type { Job } from "@retrain/db";
import { currentCaller } from "../context.js";
import { builder } from "./builder.js";

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

export const JobRef = builder.objectRef<Job>("Job").implement({
  description: "Background work: a bottleneck extraction or an archive import.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    kind: t.string({ description: "EXTRACT, TRAIN or IMPORT_ARCHIVE.", resolve: (j) => j.kind }),
    status: t.string({ description: "QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.", resolve: (j) => j.status }),
    progress: t.field({ type: JobProgress, description: "Done, total, rate and ETA.", resolve: (j) => j }),
    backend: t.string({
      nullable: true,
      description: "What ran the base model: onnxruntime (native), or a TensorFlow.js backend (extraction jobs).",
      resolve: (j) => (j.result as { backend?: string } | null)?.backend ?? null,
    }),
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
    result: t.expose("result", {
      type: "JSON",
      nullable: true,
      description: "What it did: vectors computed; or images accepted, duplicates, rejected (with reasons).",
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
      services.imports.start(caller, String(a.datasetId), Buffer.from(a.base64, "base64")),
  }),
);

builder.subscriptionField("jobProgress", (t) =>
  t.field({
    type: JobRef,
    description: "The job each time its progress or status changes, until it ends.",
    args: { id: t.arg.id({ required: true, description: "Job id." }) },
    subscribe: (_r, a, ctx) => ctx.services.extraction.watch(() => currentCaller(ctx), String(a.id)),
    resolve: (job) => job,
  }),
);
