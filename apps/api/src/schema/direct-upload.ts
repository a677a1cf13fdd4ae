import type { DirectUpload, UploadOptions } from "../services/datasets/direct-uploads.js";
import { builder } from "./builder.js";
import { SplitEnum, UploadResultRef } from "./image.js";

const DirectUploadRef = builder.objectRef<DirectUpload>("DirectUpload").implement({
  description: "Where to PUT one file's bytes straight to the S3 store; then pass its key to finishDirectUploads.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The file's name, as given." }),
    key: t.exposeString("key", { description: "Names the upload to finishDirectUploads." }),
    url: t.exposeString("url", {
      description: "PUT exactly the file's `size` bytes here (any other length is refused), before `expiresAt`.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the URL stops working." }),
  }),
});

const UploadOptionsRef = builder.objectRef<UploadOptions>("UploadOptions").implement({
  description: "How images may reach this server, besides uploadImages and POST /v1/datasets/{id}/images.",
  fields: (t) => ({
    direct: t.exposeBoolean("direct", {
      description: "startDirectUploads works: the server stores blobs in an S3 bucket (BLOB_STORE=s3).",
    }),
    fromBrowsers: t.exposeBoolean("fromBrowsers", {
      description:
        "The bucket also takes those PUTs from the dashboard's pages (its CORS rule names their origins: S3_BROWSER_UPLOADS).",
    }),
  }),
});

builder.queryField("uploadOptions", (t) =>
  t.field({
    type: UploadOptionsRef,
    description:
      "How images may be uploaded to this server (the same for every dataset). Signed-in users only (UNAUTHENTICATED).",
    resolve: (_r, _a, { services, caller }) => services.directUploads.options(caller),
  }),
);

const DirectUploadFileInput = builder.inputType("DirectUploadFileInput", {
  description: "A file about to be uploaded straight to the store.",
  fields: (t) => ({
    name: t.string({ required: true, description: "File name (also keys the stable split)." }),
    size: t.int({ required: true, description: "Its length in bytes (at most 20 MB)." }),
  }),
});

const FinishedUploadInput = builder.inputType("FinishedUploadInput", {
  description: "A file PUT to its upload URL, to be stored as an image.",
  fields: (t) => ({
    key: t.string({ required: true, description: "The key startDirectUploads gave it." }),
    name: t.string({ required: true, description: "File name." }),
    label: t.string({ description: "Label name; created when new." }),
    split: t.field({ type: SplitEnum, description: "Defaults to a stable split from the file name's hash." }),
  }),
});

builder.mutationFields((t) => ({
  startDirectUploads: t.field({
    type: [DirectUploadRef],
    description:
      "Upload URLs for up to 100 files (20 MB each), valid 15 minutes, so the bytes go straight to the S3 store and not through the API. Only with BLOB_STORE=s3 (CONFLICT otherwise).",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      files: t.arg({ type: [DirectUploadFileInput], required: true, description: "The files." }),
    },
    resolve: (_r, a, { services, caller }) => services.directUploads.start(caller, a.datasetId, a.files),
  }),
  finishDirectUploads: t.field({
    type: [UploadResultRef],
    description:
      "Stores files PUT to their upload URLs as images: a result per file, as uploadImages answers (one never uploaded is rejected).",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      uploads: t.arg({ type: [FinishedUploadInput], required: true, description: "The uploaded files." }),
    },
    resolve: (_r, a, { services, caller }) => services.directUploads.finish(caller, a.datasetId, a.uploads),
  }),
}));
