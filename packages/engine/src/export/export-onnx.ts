import type * as tf from "@tensorflow/tfjs";
import type { Preprocessing } from "../checkpoints/checkpoint.js";
import { EngineError } from "../errors.js";
import type { BaseModel } from "../models/base-model.js";
import { output, pixelInput } from "../onnx/base-model-graph.js";
import { convertLayersModel } from "../onnx/convert-model.js";
import { encodeModel, OnnxGraph } from "../onnx/onnx-graph.js";

/**
 * Base and head as one ONNX model, for teams that serve with ONNX Runtime or Triton: uint8 RGB pixels
 * [n, size, size, 3] (resized as `preprocessing.resize` says) in, class probabilities [n, classes] out in
 * label order. The labels and the preprocessing travel in the model's metadata (labels, preprocessing).
 */
export function exportOnnxModel(
  base: BaseModel,
  head: tf.LayersModel,
  labels: string[],
  preprocessing: Preprocessing,
): Uint8Array {
  if (!base.layers) throw new EngineError(`Export needs a layers-format base model; ${base.spec.id} is a graph model.`);
  const graph = new OnnxGraph();
  graph.name("pixels");
  const size = base.spec.inputSize;
  const features = convertLayersModel(graph, base.layers, pixelInput(graph, size, base.spec.normalization));
  const probabilities = convertLayersModel(graph, head, features);
  output(graph, probabilities, "probabilities");
  return encodeModel(graph, {
    name: "retrained_classifier",
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", size, size, 3] }],
    outputs: [{ name: "probabilities", type: "float32", shape: ["n", labels.length] }],
    metadata: {
      labels: JSON.stringify(labels),
      preprocessing: JSON.stringify(preprocessing),
      baseModel: base.spec.id,
    },
  });
}
