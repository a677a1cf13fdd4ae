import type { ImageWithSuggestion } from "../services/datasets/image-service.js";
import { builder } from "./builder.js";
import { cursorPage } from "./connection.js";

export const SplitEnum = builder.enumType("Split", {
  description: "Which part of the work an image serves: training, validation during training, or the final test.",
  values: {
    TRAIN: { description: "Trains the new layer." },
    VALIDATION: { description: "Measured every epoch; drives early stopping." },
    TEST: { description: "Held out for the final evaluation." },
  } as const,
});

const ImageSuggestionRef = builder
  .objectRef<{ label: string | null; confidence: number }>("ImageSuggestion")
  .implement({
    description: "What a checkpoint answers for an image, from its cached vector (a pre-label).",
    fields: (t) => ({
      label: t.exposeString("label", {
        nullable: true,
        description: "Its calibrated top label; null when it would say don't know.",
      }),
      confidence: t.exposeFloat("confidence", { description: "The top label's calibrated probability." }),
    }),
  });

const ImageSortEnum = builder.enumType("ImageSort", {
  description: "The order of a dataset's images.",
  values: {
    ADDED: { description: "Upload order." },
    NAME: { description: "File name." },
    CONFIDENCE: { description: "The chosen checkpoint's confidence (images without a vector last)." },
  } as const,
});

export const ImageRef = builder.objectRef<ImageWithSuggestion>("Image").implement({
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
      description:
        "A thumbnail at most 256 pixels a side (WebP; a small upright JPEG is served as it is), for signed-in members only.",
      resolve: (i) => `/thumbnails/${i.id}`,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was uploaded." }),
    suggestion: t.field({
      type: ImageSuggestionRef,
      nullable: true,
      description:
        "The answer of the checkpoint `images` was asked with (`checkpointId`); null without one, or while the image has no vector for its base model.",
      resolve: (i) => i.suggestion ?? null,
    }),
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

export const UploadResultRef = builder
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
  t.connection(
    {
      type: ImageRef,
      description:
        "A dataset's images, filtered, searched and sorted, a page at a time (by cursor, or from an offset for a grid that jumps).",
      args: {
        datasetId: t.arg.id({ required: true, description: "Dataset id." }),
        labelId: t.arg.id({ description: "Only this label." }),
        split: t.arg({ type: SplitEnum, description: "Only this split." }),
        unlabelled: t.arg.boolean({ description: "Only images without a label." }),
        failed: t.arg.boolean({ description: "Only images whose bottleneck extraction failed." }),
        search: t.arg.string({ description: "Only file names containing this (any case)." }),
        sort: t.arg({
          type: ImageSortEnum,
          defaultValue: "ADDED",
          description: "The order (upload order by default).",
        }),
        descending: t.arg.boolean({ defaultValue: false, description: "Reverse the order." }),
        checkpointId: t.arg.id({
          description:
            "A checkpoint of this workspace: each image carries its `suggestion`, and CONFIDENCE sorts by it.",
        }),
        offset: t.arg.int({ defaultValue: 0, description: "Skip this many images first (not with after/before)." }),
      },
      resolve: async (_r, a, { services, caller }) => {
        const filter = {
          datasetId: a.datasetId,
          labelId: a.labelId ? a.labelId : undefined,
          split: a.split ?? undefined,
          unlabelled: a.unlabelled ?? false,
          failed: a.failed ?? false,
          search: a.search?.trim() || undefined,
        };
        const view = {
          order: a.sort ?? "ADDED",
          descending: a.descending ?? false,
          offset: a.offset ?? 0,
          checkpointId: a.checkpointId,
        };
        const connection = await cursorPage(a, (page) => services.images.page(caller, filter, page, view));
        return Object.assign(connection, { totalCount: () => services.images.count(filter) });
      },
    },
    {
      name: "ImageConnection",
      fields: (c) => ({
        totalCount: c.int({
          description: "Images matching the filters.",
          resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
  ),
);

builder.mutationFields((t) => ({
  uploadImages: t.field({
    type: [UploadResultRef],
    description: "Upload up to 100 images (20 MB each): a result per file; bad files are rejected, the rest land.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      files: t.arg({ type: [UploadFileInput], required: true, description: "The files." }),
    },
    resolve: (_r, a, { services, caller }) => services.images.upload(caller, a.datasetId, a.files),
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
      services.images.update(caller, a.ids, {
        labelId: a.labelId === undefined ? undefined : a.labelId === null ? null : a.labelId,
        split: a.split,
      }),
  }),
  deleteImages: t.int({
    description: "Delete images; returns how many.",
    args: { ids: t.arg.idList({ required: true, description: "Image ids." }) },
    resolve: (_r, a, { services, caller }) => services.images.delete(caller, a.ids),
  }),
}));
