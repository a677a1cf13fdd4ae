import { builder } from "./builder.js";

type Result = { name: string; top: { label: string; probability: number }[] } | { name: string; error: string };

const LabelProbability = builder.objectRef<{ label: string; probability: number }>("LabelProbability").implement({
  description: "A label and its probability.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "Class name." }),
    probability: t.exposeFloat("probability", { description: "From 0 to 1." }),
  }),
});

const ImagePrediction = builder.objectRef<Result>("ImagePrediction").implement({
  description: "The top-k labels for one image, or why it could not be read.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The image's name or id." }),
    top: t.field({
      type: [LabelProbability],
      description: "Most likely first.",
      resolve: (r) => ("top" in r ? r.top : []),
    }),
    error: t.string({
      nullable: true,
      description: "Why the image could not be read.",
      resolve: (r) => ("error" in r ? r.error : null),
    }),
  }),
});

const PredictionResult = builder
  .objectRef<{ checkpointId: string; labels: string[]; latencyMs: number; results: Result[] }>("PredictionResult")
  .implement({
    description: "Predictions with the checkpoint that made them.",
    fields: (t) => ({
      checkpointId: t.exposeID("checkpointId", { description: "Which checkpoint answered." }),
      labels: t.exposeStringList("labels", { description: "All its labels." }),
      latencyMs: t.exposeFloat("latencyMs", { description: "Server time for this request." }),
      results: t.field({ type: [ImagePrediction], description: "One per image, in order.", resolve: (p) => p.results }),
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
    },
    resolve: (_r, a, { services, caller }) =>
      services.predictions.predict(caller, {
        checkpointId: a.checkpointId ? String(a.checkpointId) : null,
        experimentId: a.experimentId ? String(a.experimentId) : null,
        alias: a.alias,
        images: a.images,
        imageIds: a.imageIds?.map(String),
        topK: a.topK,
      }),
  }),
);
