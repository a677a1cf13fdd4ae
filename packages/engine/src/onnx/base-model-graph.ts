import type * as tf from "@tensorflow/tfjs";
import type { Normalization } from "../models/catalog.js";
import { convertLayersModel, materialize, type Value } from "./convert-model.js";
import { encodeModel, OnnxGraph as Graph, type OnnxGraph } from "./onnx-graph.js";

/** Raw RGB bytes [n, size, size, 3] (channels last, as decoded) to the model's range, then to NCHW. */
export function pixelInput(graph: OnnxGraph, size: number, normalization: Normalization): Value {
  const [scale, offset] = normalization === "[-1,1]" ? [1 / 127.5, -1] : [1 / 255, 0];
  const float = graph.node("Cast", ["pixels"], "pixels_float", { to: 1 });
  const scaled = graph.node(
    "Mul",
    [float, graph.weight("normalize/scale", Float32Array.of(scale), [])],
    "normalize/mul",
  );
  const shifted = graph.node(
    "Add",
    [scaled, graph.weight("normalize/offset", Float32Array.of(offset), [])],
    "normalize",
  );
  return { name: graph.node("Transpose", [shifted], "nchw", { perm: [0, 3, 1, 2] }), shape: [size, size, 3] };
}

/** Names the graph's final value. */
export function output(graph: OnnxGraph, value: Value, name: string): void {
  graph.node("Identity", [materialize(graph, value)], name);
}

/**
 * A base model cut at its bottleneck as one ONNX model: uint8 pixels [n, size, size, 3] in, float vectors
 * [n, featureDim] out, normalisation included, so a caller feeds decoded images as they are.
 */
export function baseModelToOnnx(cut: tf.LayersModel, size: number, normalization: Normalization): Uint8Array {
  const graph = new Graph();
  graph.name("pixels");
  const features = convertLayersModel(graph, cut, pixelInput(graph, size, normalization));
  output(graph, features, "features");
  const dim = features.shape.at(-1) ?? 0;
  return encodeModel(graph, {
    name: cut.name,
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", size, size, 3] }],
    outputs: [{ name: "features", type: "float32", shape: ["n", dim] }],
  });
}
