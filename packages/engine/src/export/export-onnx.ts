import type * as tf from "@tensorflow/tfjs";
import type { Calibration } from "../calibration/calibration.js";
import type { Preprocessing } from "../checkpoints/checkpoint.js";
import { EngineError } from "../errors.js";
import type { BaseModel } from "../models/base-model.js";
import { output, pixelInput } from "../onnx/base-model-graph.js";
import { convertLayersModel, materialize, type Value } from "../onnx/convert-model.js";
import { encodeModel, OnnxGraph } from "../onnx/onnx-graph.js";

function temperatureScaled(graph: OnnxGraph, probabilities: Value, temperature: number): Value {
  const floor = graph.weight("floor", Float32Array.of(1e-12), []);
  const floored = graph.node("Max", [materialize(graph, probabilities), floor], "floored");
  const logits = graph.node("Log", [floored], "logits");
  const scaled = graph.node("Div", [logits, graph.weight("temperature", Float32Array.of(temperature), [])], "scaled");
  return { name: graph.node("Softmax", [scaled], "calibrated", { axis: 1 }), shape: probabilities.shape };
}

/**
 * Base and head as one ONNX model, for teams that serve with ONNX Runtime or Triton: uint8 RGB pixels
 * [n, size, size, 3] (resized as `preprocessing.resize` says) in, class probabilities [n, classes] out in
 * label order, temperature-scaled when the checkpoint is calibrated. The labels, the preprocessing, the
 * temperature and the abstention threshold travel in the model's metadata.
 */
export function exportOnnxModel(
  base: BaseModel,
  head: tf.LayersModel,
  labels: string[],
  preprocessing: Preprocessing,
  calibration?: Calibration,
): Uint8Array {
  if (!base.layers) throw new EngineError(`Export needs a layers-format base model; ${base.spec.id} is a graph model.`);
  const graph = new OnnxGraph();
  graph.name("pixels");
  const size = base.spec.inputSize;
  const features = convertLayersModel(graph, base.layers, pixelInput(graph, size, base.spec.normalization));
  const raw = convertLayersModel(graph, head, features);
  // Temperature scaling inside the model: softmax(log(p) / T), so it serves the probabilities the API does.
  const probabilities = calibration ? temperatureScaled(graph, raw, calibration.temperature) : raw;
  output(graph, probabilities, "probabilities");
  return encodeModel(graph, {
    name: "retrained_classifier",
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", size, size, 3] }],
    outputs: [{ name: "probabilities", type: "float32", shape: ["n", labels.length] }],
    metadata: {
      labels: JSON.stringify(labels),
      preprocessing: JSON.stringify(preprocessing),
      baseModel: base.spec.id,
      ...(calibration
        ? { temperature: String(calibration.temperature), abstentionThreshold: String(calibration.threshold) }
        : {}),
    },
  });
}
