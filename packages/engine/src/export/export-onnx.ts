import type * as tf from "@tensorflow/tfjs";
import { formatOf } from "../formats/formats.js";
import type { ExportMeta } from "../formats/model-format.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { readModelFolder } from "../models/model-files.js";
import { convertLayersModel } from "../onnx/convert-model.js";
import { materialize, type Value } from "../onnx/layer-context.js";
import { encodeModel, OnnxGraph } from "../onnx/onnx-graph.js";
import { output, pixelInput } from "../onnx/pixel-input.js";

function temperatureScaled(graph: OnnxGraph, probabilities: Value, temperature: number): Value {
  const floor = graph.weight("floor", Float32Array.of(1e-12), []);
  const floored = graph.node("Max", [materialize(graph, probabilities), floor], "floored");
  const logits = graph.node("Log", [floored], "logits");
  const scaled = graph.node("Div", [logits, graph.weight("temperature", Float32Array.of(temperature), [])], "scaled");
  return { name: graph.node("Softmax", [scaled], "calibrated", { axis: 1 }), shape: probabilities.shape };
}

/**
 * Base and head as one ONNX model, for teams that serve with ONNX Runtime or Triton, whatever the base's
 * format: uint8 RGB pixels [n, size, size, 3] (resized as the preprocessing says) in, class probabilities
 * [n, classes] out in label order, temperature-scaled when the checkpoint is calibrated. The labels, the
 * preprocessing, the temperature and the abstention threshold travel in the model's metadata.
 */
export async function exportOnnxModel(
  base: { spec: BaseModelSpec; dir: string },
  head: tf.LayersModel,
  meta: ExportMeta,
): Promise<Uint8Array> {
  const files = await readModelFolder(base.dir);
  const graph = new OnnxGraph();
  graph.name("pixels");
  const size = base.spec.inputSize;
  const { features, spec } = await formatOf(files.json).emitOnnx(
    graph,
    base.spec,
    files,
    pixelInput(graph, size, base.spec.normalization),
  );
  const raw = convertLayersModel(graph, head, features);
  // Temperature scaling inside the model: softmax(log(p) / T), so it serves the probabilities the API does.
  const probabilities = meta.temperature ? temperatureScaled(graph, raw, meta.temperature) : raw;
  output(graph, probabilities, "probabilities");
  return encodeModel(graph, {
    name: "retrained_classifier",
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", spec.inputSize, spec.inputSize, 3] }],
    outputs: [{ name: "probabilities", type: "float32", shape: ["n", meta.labels.length] }],
    metadata: {
      labels: JSON.stringify(meta.labels),
      preprocessing: JSON.stringify(meta.preprocessing),
      baseModel: spec.id,
      ...(meta.temperature !== undefined
        ? { temperature: String(meta.temperature), abstentionThreshold: String(meta.abstentionThreshold) }
        : {}),
    },
  });
}
