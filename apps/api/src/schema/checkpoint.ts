import type { Checkpoint } from "@retrain/db";
import { builder } from "./builder.js";
import { RunMetricsRef } from "./run-results.js";

type CheckpointSummary = Omit<Checkpoint, "weights" | "optimizerState" | "calibration">;

export const CheckpointRef = builder.objectRef<CheckpointSummary>("Checkpoint").implement({
  description: "A trained head saved by a run: labels, metrics and the base model it belongs to.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    step: t.exposeInt("step", { description: "The epoch whose weights it holds." }),
    labels: t.exposeStringList("labels", { description: "Class names in output order." }),
    metrics: t.field({
      type: RunMetricsRef,
      nullable: true,
      description: "The run's figures at that step.",
      resolve: (c) => c.metrics,
    }),
    baseModelWeightsHash: t.exposeString("baseModelWeightsHash", {
      description: "The base model's weights it was trained on.",
    }),
    runId: t.exposeID("runId", { description: "The run that saved it." }),
    exportUrl: t.string({
      description:
        "Where to download it for TensorFlow.js (a zip: for a layers base, one model of base and head with labels.json; for a graph base, base/ and head/ side by side with retrained.json and a README giving the three-line loader), relative to the API's origin; send your session cookie or token.",
      resolve: (c) => `/exports/${c.id}.zip`,
    }),
    onnxExportUrl: t.string({
      nullable: true,
      description:
        "Where to download it as one ONNX model (uint8 RGB pixels in, probabilities out; labels and preprocessing in its metadata), for ONNX Runtime or Triton. Relative to the API's origin; send your session cookie or token. Null when its base model does not convert to ONNX (onnxExportUnavailable says why).",
      resolve: async (c, _a, { loaders }) =>
        (await loaders.baseModel.load(c.baseModelId)).onnxUnsupported ? null : `/exports/${c.id}.onnx`,
    }),
    onnxExportUnavailable: t.string({
      nullable: true,
      description:
        "Why there is no ONNX download (its base model's op or layer with no conversion); null when there is.",
      resolve: async (c, _a, { loaders }) => (await loaders.baseModel.load(c.baseModelId)).onnxUnsupported,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was saved." }),
  }),
});

builder.mutationFields((t) => ({
  promoteCheckpoint: t.field({
    type: CheckpointRef,
    description:
      "Point an alias of the experiment (such as production) at this checkpoint, after the parity gate: a sample of its held-out images is served and must answer what its evaluation saw (CONFLICT, with the differences, otherwise). Recorded in the activity feed.",
    args: {
      checkpointId: t.arg.id({ required: true, description: "Checkpoint id." }),
      alias: t.arg.string({ defaultValue: "production", description: "Alias name." }),
    },
    resolve: (_r, a, { services, caller }) =>
      services.promotion.promote(caller, a.checkpointId, a.alias ?? "production"),
  }),
}));
