import type { Image } from "@retrain/db";
import { builder } from "./builder.js";

export const SplitEnum = builder.enumType("Split", {
  description: "Which part of the work an image serves: training, validation during training, or the final test.",
  values: {
    TRAIN: { description: "Trains the new layer." },
    VALIDATION: { description: "Measured every epoch; drives early stopping." },
    TEST: { description: "Held out for the final evaluation." },
  } as const,
});

const ImageRef = builder.objectRef<Image>("Image").implement({
  description: "An image of a dataset. Its bytes are stored once per content hash.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    originalName: t.exposeString("originalName", { description: "The uploaded file's name." }),
    sha256: t.exposeString("sha256", { description: "Content hash of the bytes." }),
    width: t.exposeInt("width", { description: "Pixels." }),
    height: t.exposeInt("height", { description: "Pixels." }),
    format: t.exposeString("format", { description: "jpeg, png, webp, gif, heif, tiff..." }),
    split: t.field({ type: SplitEnum, description: "Training, validation or test.", resolve: (i) => i.split }),
    labelId: t.exposeID("labelId", { nullable: true, description: "Its label, or null when unlabelled." }),
    thumbnailUrl: t.string({
      description: "A 256-pixel WebP, served to signed-in members only.",
      resolve: (i) => `/thumbnails/${i.id}`,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was uploaded." }),
  }),
});

const ImagePage = builder
  .objectRef<{ nodes: Image[]; hasNextPage: boolean; totalCount: () => Promise<number> }>("ImagePage")
  .implement({
    description: "A page of images in upload order.",
    fields: (t) => ({
      nodes: t.field({ type: [ImageRef], description: "The images.", resolve: (p) => p.nodes }),
      hasNextPage: t.exposeBoolean("hasNextPage", { description: "Whether more follow." }),
      endCursor: t.id({
        nullable: true,
        description: "Pass as `after` for the next page.",
        resolve: (p) => p.nodes.at(-1)?.id ?? null,
      }),
      totalCount: t.int({ description: "Images matching the filters.", resolve: (p) => p.totalCount() }),
    }),
  });

const UploadStatus = builder.enumType("UploadStatus", {
  description: "What happened to one uploaded file.",
  values: {
    ACCEPTED: { description: "Stored as a new image." },
    DUPLICATE: { description: "The dataset has these exact bytes already; nothing stored." },
    REJECTED: { description: "Not stored; see the reason." },
  } as const,
});

const UploadResultRef = builder
  .objectRef<{ name: string; status: "ACCEPTED" | "DUPLICATE" | "REJECTED"; imageId?: string; reason?: string }>(
    "UploadResult",
  )
  .implement({
    description: "The outcome for one file of an upload.",
    fields: (t) => ({
      name: t.exposeString("name", { description: "The file's name." }),
      status: t.field({
        type: UploadStatus,
        description: "Accepted, duplicate or rejected.",
        resolve: (r) => r.status,
      }),
      imageId: t.id({
        nullable: true,
        description: "The stored (or existing) image.",
        resolve: (r) => r.imageId ?? null,
      }),
      reason: t.string({
        nullable: true,
        description: "Why it was rejected or is a duplicate.",
        resolve: (r) => r.reason ?? null,
      }),
    }),
  });

const UploadFileInput = builder.inputType("UploadFileInput", {
  description: "One file to upload, its bytes base64-encoded.",
  fields: (t) => ({
    name: t.string({ required: true, description: "File name (also keys the stable split)." }),
    base64: t.string({ required: true, description: "The file's bytes, base64." }),
    label: t.string({ description: "Label name; created when new." }),
    split: t.field({ type: SplitEnum, description: "Defaults to a stable split from the file name's hash." }),
  }),
});

builder.queryField("images", (t) =>
  t.field({
    type: ImagePage,
    description: "A dataset's images, filtered, a page at a time.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      labelId: t.arg.id({ description: "Only this label." }),
      split: t.arg({ type: SplitEnum, description: "Only this split." }),
      unlabelled: t.arg.boolean({ description: "Only images without a label." }),
      failed: t.arg.boolean({ description: "Only images whose bottleneck extraction failed." }),
      first: t.arg.int({ defaultValue: 50, description: "Page size (1-200)." }),
      after: t.arg.id({ description: "endCursor of the previous page." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.images.page(
        caller,
        {
          datasetId: String(a.datasetId),
          labelId: a.labelId ? String(a.labelId) : undefined,
          split: a.split ?? undefined,
          unlabelled: a.unlabelled ?? false,
          failed: a.failed ?? false,
        },
        a.first ?? 50,
        a.after ? String(a.after) : null,
      ),
  }),
);

builder.mutationFields((t) => ({
  uploadImages: t.field({
    type: [UploadResultRef],
    description: "Upload up to 100 images (20 MB each): a result per file; bad files are rejected, the rest land.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      files: t.arg({ type: [UploadFileInput], required: true, description: "The files." }),
    },
    resolve: (_r, a, { services, caller }) => services.images.upload(caller, String(a.datasetId), a.files),
  }),
  updateImages: t.field({
    type: [ImageRef],
    description: "Relabel (labelId, or null to unlabel) and/or move images of one dataset to a split.",
    args: {
      ids: t.arg.idList({ required: true, description: "Image ids." }),
      labelId: t.arg.id({ description: "New label; null unlabels." }),
      split: t.arg({ type: SplitEnum, description: "New split." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.images.update(caller, a.ids.map(String), {
        labelId: a.labelId === undefined ? undefined : a.labelId === null ? null : String(a.labelId),
        split: a.split,
      }),
  }),
  deleteImages: t.int({
    description: "Delete images; returns how many.",
    args: { ids: t.arg.idList({ required: true, description: "Image ids." }) },
    resolve: (_r, a, { services, caller }) => services.images.delete(caller, a.ids.map(String)),
  }),
}));
