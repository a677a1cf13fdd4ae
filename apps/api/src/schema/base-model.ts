import type { BaseModel } from "@retrain/db";
import { CATALOG_FIGURES, DEFAULT_BASE_MODEL, FAST_BASE_MODEL, normalizationOf } from "@retrain/engine";
import { BaseModelBenchmarkRef, BaseModelRoleEnum } from "./base-model-benchmark.js";
import { builder } from "./builder.js";
import { ModelFormatEnum, NormalizationEnum } from "./enums.js";
import { JobRef } from "./job.js";

export const BaseModelRef = builder.objectRef<BaseModel & { cached: boolean }>("BaseModel").implement({
  description: "A pretrained network cut at its bottleneck: a catalog model, or a workspace's own.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    key: t.exposeString("key", { description: "Catalog id (such as mobilenet_v2_035_224) or generated id." }),
    name: t.exposeString("name", { description: "Display name." }),
    sourceUrl: t.exposeString("sourceUrl", { description: "Where its model.json is published." }),
    format: t.field({ type: ModelFormatEnum, description: "TensorFlow.js model format.", resolve: (m) => m.format }),
    inputSize: t.int({ description: "Input width and height in pixels.", resolve: (m) => m.inputWidth }),
    normalization: t.field({
      type: NormalizationEnum,
      description: "Pixel range the model expects.",
      resolve: (m) => normalizationOf(m.normalization),
    }),
    bottleneckOutput: t.exposeString("bottleneckOutput", {
      description: "Layer or node cut at (empty: last pooling layer).",
    }),
    featureDim: t.exposeInt("featureDim", { description: "Length of a bottleneck vector." }),
    weightsHash: t.exposeString("weightsHash", { nullable: true, description: "SHA-256 of its weights, once loaded." }),
    cached: t.exposeBoolean("cached", { description: "Whether its weights are on this server's disk." }),
    onnxUnsupported: t.exposeString("onnxUnsupported", {
      nullable: true,
      description:
        "Why it does not convert to ONNX (an op or layer with no conversion), once a conversion was refused: it then runs on TensorFlow.js, and its checkpoints offer no ONNX download. Null: it converts (or was not tried yet).",
    }),
    role: t.field({
      type: BaseModelRoleEnum,
      nullable: true,
      description: "DEFAULT for the model new experiments start from, FAST for the quick one; null for others.",
      resolve: (m) => (m.key === DEFAULT_BASE_MODEL ? "DEFAULT" : m.key === FAST_BASE_MODEL ? "FAST" : null),
    }),
    benchmark: t.field({
      type: BaseModelBenchmarkRef,
      nullable: true,
      description:
        "What the committed benchmark measured for this catalog model (npm run bench:models); null for others.",
      resolve: (m) => CATALOG_FIGURES[m.key] ?? null,
    }),
    custom: t.boolean({
      description: "A workspace's own model (registered from a URL or files), as opposed to a catalog one.",
      resolve: (m) => m.workspaceId !== null,
    }),
  }),
});

builder.queryField("baseModels", (t) =>
  t.field({
    type: [BaseModelRef],
    description: "Base models you can use.",
    resolve: (_r, _a, { services, caller }) => services.baseModels.list(caller),
  }),
);

const ModelFileInput = builder.inputType("ModelFileInput", {
  description: "One file of a TensorFlow.js model: model.json or a weight shard.",
  fields: (t) => ({
    path: t.string({ required: true, description: "File name as model.json names it." }),
    base64: t.string({ required: true, description: "Its bytes, base64-encoded." }),
  }),
});

builder.mutationField("registerBaseModel", (t) =>
  t.field({
    type: BaseModelRef,
    description:
      "Add a workspace's own base model (MEMBER or above), from the URL of a model.json or uploaded files. It is loaded once to check it and learn its input size and vector length.",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      name: t.arg.string({ required: true, description: "Display name." }),
      url: t.arg.string({ description: "http(s) URL of a TensorFlow.js model.json." }),
      files: t.arg({ type: [ModelFileInput], description: "model.json and its shards, instead of a URL." }),
      normalization: t.arg({
        type: NormalizationEnum,
        description:
          "MINUS_ONE_TO_ONE (Keras applications, default), ZERO_TO_ONE (TF Hub) or CAFFE_BGR (Keras ResNet).",
      }),
      bottleneck: t.arg.string({ description: "Layer or node to cut at (default: the last pooling layer)." }),
    },
    resolve: (_r, a, { services, caller }) => services.baseModels.register(caller, a),
  }),
);

builder.mutationField("deleteBaseModel", (t) =>
  t.boolean({
    description: "Delete a workspace's own base model that no experiment uses (ADMIN or above); catalog models stay.",
    args: { id: t.arg.id({ required: true, description: "Base model id." }) },
    resolve: (_r, a, { services, caller }) => services.baseModels.remove(caller, a.id),
  }),
);

builder.mutationField("prepareBaseModel", (t) =>
  t.field({
    type: JobRef,
    description:
      "Download a base model into the workers' cache and convert it for ONNX Runtime now (MEMBER or above), so the first extraction with it starts at once. A PREPARE_BASE_MODEL job: follow it with `job` or `jobUpdates`.",
    args: {
      workspaceId: t.arg.id({ required: true, description: "The workspace it is for (its job counts there)." }),
      id: t.arg.id({ required: true, description: "Base model id: a catalog model or one of the workspace's." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.jobs.start(caller, "PREPARE_BASE_MODEL", { workspaceId: a.workspaceId, baseModelId: a.id }),
  }),
);
