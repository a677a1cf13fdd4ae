import type { Prediction } from "@retrain/db";
import type { EvidenceItem } from "../services/serving/evidence.js";
import { type ImageResult, imageAnswer } from "../services/serving/image-answer.js";
import { builder } from "./builder.js";
import { CheckpointRef } from "./checkpoint.js";
import { cursorPage } from "./connection.js";
import { ImageRef } from "./image.js";
import { LabelProbabilityRef } from "./label-probability.js";
import { WorkspaceRef } from "./workspace.js";

type Result = ImageResult;

const UnknownReasonEnum = builder.enumType("UnknownReason", {
  description: 'Why a prediction says "don\'t know".',
  values: {
    LOW_CONFIDENCE: { description: "Its calibrated top probability is under the checkpoint's abstention threshold." },
    FAR_FROM_TRAINING: { description: "Its vector is far from every class's training vectors (likely none of them)." },
  } as const,
});

const EvidenceRef = builder.objectRef<EvidenceItem>("Evidence").implement({
  description: "A training image near the predicted one, with its label.",
  fields: (t) => ({
    image: t.field({
      type: ImageRef,
      nullable: true,
      description: "The training image (null if deleted since).",
      resolve: (e, _a, { loaders }) => loaders.image.load(e.imageId),
    }),
    label: t.string({
      nullable: true,
      description: "Its label now.",
      resolve: async (e, _a, { loaders }) => (await loaders.label.load(e.labelId))?.name ?? null,
    }),
    distance: t.exposeFloat("distance", { description: "Cosine distance between their vectors (0: same)." }),
  }),
});

const ImagePrediction = builder.objectRef<Result>("ImagePrediction").implement({
  description: "The top-k labels for one image, or why it could not be read.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The image's name or id." }),
    top: t.field({
      type: [LabelProbabilityRef],
      description: "Most likely first.",
      resolve: (r) => imageAnswer(r).top,
    }),
    error: t.string({
      nullable: true,
      description: "Why the image could not be read.",
      resolve: (r) => imageAnswer(r).error,
    }),
    unknown: t.boolean({
      description:
        "True when the model would rather not answer: low calibrated confidence, or unlike every class it learned. `top` still lists its guesses.",
      resolve: (r) => imageAnswer(r).unknown,
    }),
    unknownReason: t.field({
      type: UnknownReasonEnum,
      nullable: true,
      description: 'Why it says "don\'t know".',
      resolve: (r) => imageAnswer(r).unknownReason,
    }),
    calibrated: t.boolean({
      description: "Whether the probabilities are temperature-scaled (checkpoints trained before calibration are not).",
      resolve: (r) => imageAnswer(r).calibrated,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: "The 3 nearest images of the training split, with their labels (computed only when asked for).",
      resolve: (r, _a, { services }) => ("top" in r ? services.predictions.evidence(r.checkpointId, r.vector) : []),
    }),
  }),
});

const PredictionResult = builder
  .objectRef<{ checkpointId: string; labels: string[]; latencyMs: number; results: Result[]; kept: boolean }>(
    "PredictionResult",
  )
  .implement({
    description: "Predictions with the checkpoint that made them.",
    fields: (t) => ({
      checkpointId: t.exposeID("checkpointId", { description: "Which checkpoint answered." }),
      labels: t.exposeStringList("labels", { description: "All its labels." }),
      latencyMs: t.exposeFloat("latencyMs", { description: "Server time for this request." }),
      results: t.field({ type: [ImagePrediction], description: "One per image, in order.", resolve: (p) => p.results }),
      kept: t.exposeBoolean("kept", { description: "Whether the uploaded images were kept for review." }),
    }),
  });

const PredictImage = builder.inputType("PredictImageInput", {
  description: "An image to classify, base64-encoded.",
  fields: (t) => ({
    name: t.string({ description: "A name to recognise it by." }),
    base64: t.string({ required: true, description: "The file's bytes, base64." }),
  }),
});

builder.mutationField("predict", (t) =>
  t.field({
    type: PredictionResult,
    description: "Classify images with a checkpoint, or an experiment's alias (default production). VIEWER or above.",
    args: {
      checkpointId: t.arg.id({ description: "Checkpoint id." }),
      experimentId: t.arg.id({ description: "Experiment id, with alias." }),
      alias: t.arg.string({ description: "Alias of the experiment (production by default)." }),
      images: t.arg({ type: [PredictImage], description: "Uploaded images." }),
      imageIds: t.arg.idList({ description: "Images already stored." }),
      topK: t.arg.int({ defaultValue: 5, description: "How many labels per image (1-100)." }),
      keep: t.arg.boolean({
        description: "Keep the uploaded images for the review queue (when the workspace allows it: keepServedImages).",
      }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.predictions.predict(caller, {
        checkpointId: a.checkpointId ? a.checkpointId : null,
        experimentId: a.experimentId ? a.experimentId : null,
        alias: a.alias,
        images: a.images,
        imageIds: a.imageIds,
        topK: a.topK,
        keep: a.keep,
      }),
  }),
);

export const ServedPredictionRef = builder.objectRef<Prediction>("ServedPrediction").implement({
  description: "One image classified through the API, as logged.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    checkpoint: t.field({
      type: CheckpointRef,
      description: "The checkpoint that answered.",
      resolve: (p, _a, { loaders }) => loaders.checkpoint.load(p.checkpointId),
    }),
    top: t.field({
      type: [LabelProbabilityRef],
      description: "The labels it answered, most likely first.",
      resolve: (p) => (Array.isArray(p.topK) ? p.topK : []),
    }),
    imageSha256: t.exposeString("imageSha256", { nullable: true, description: "Content hash of the image." }),
    alias: t.exposeString("alias", { nullable: true, description: "The alias it was asked through." }),
    label: t.exposeString("label", { nullable: true, description: "Its top label." }),
    confidence: t.exposeFloat("confidence", { nullable: true, description: "The top label's probability." }),
    margin: t.exposeFloat("margin", { nullable: true, description: "Lead of the top label over the runner-up." }),
    unknown: t.exposeBoolean("unknown", { description: 'Whether it answered "don\'t know".' }),
    kept: t.boolean({ description: "Whether its image was kept for review.", resolve: (p) => p.keptSha256 !== null }),
    thumbnailDataUrl: t.string({
      nullable: true,
      description: "The kept image's thumbnail as a data URL (null when not kept).",
      resolve: (p, _a, { services, caller }) =>
        p.keptSha256 ? services.serving.thumbnail(caller, p.id, p.workspaceId) : null,
    }),
    reviewed: t.boolean({
      description: "Whether a member labelled or dismissed it.",
      resolve: (p) => p.reviewedAt !== null,
    }),
    latencyMs: t.exposeFloat("latencyMs", { description: "Server time of its request." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
  }),
});

builder.objectField(WorkspaceRef, "predictions", (t) =>
  t.connection({
    type: ServedPredictionRef,
    description: "Predictions served in this workspace, newest first.",
    resolve: (w, args, { services, caller }) =>
      cursorPage(args, (page) => services.predictions.history(caller, w.id, page)),
  }),
);
