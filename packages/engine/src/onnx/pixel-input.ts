import { type Normalization, pixelTransform, reordersChannels } from "../images/normalization.js";
import { materialize, type Value } from "./layer-context.js";
import type { OnnxGraph } from "./onnx-graph.js";

/**
 * Raw RGB bytes [n, size, size, 3] (channels last, as decoded) to the model's values, then to NCHW: a caller
 * feeds decoded images as they are, whatever the model's normalisation.
 */
export function pixelInput(graph: OnnxGraph, size: number, normalization: Normalization): Value {
  const t = pixelTransform(normalization);
  let x = graph.node("Cast", ["pixels"], "pixels_float", { to: 1 });
  if (reordersChannels(t))
    x = graph.node("Gather", [x, graph.ints("normalize/order", t.order)], "normalize/bgr", { axis: 3 });
  const scaled = graph.node("Mul", [x, graph.weight("normalize/scale", Float32Array.of(t.scale), [])], "normalize/mul");
  const offset = t.offset.every((o) => o === t.offset[0]) ? Float32Array.of(t.offset[0]) : Float32Array.from(t.offset);
  const shifted = graph.node(
    "Add",
    [scaled, graph.weight("normalize/offset", offset, offset.length === 1 ? [] : [3])],
    "normalize",
  );
  return { name: graph.node("Transpose", [shifted], "nchw", { perm: [0, 3, 1, 2] }), shape: [size, size, 3] };
}

/** Names the graph's final value. */
export function output(graph: OnnxGraph, value: Value, name: string): void {
  graph.node("Identity", [materialize(graph, value)], name);
}
