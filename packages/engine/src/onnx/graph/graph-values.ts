import type { OnnxGraph } from "../onnx-graph.js";
import type { GraphConstant, GraphNode } from "./graph-nodes.js";

/**
 * What a node of the graph evaluates to while converting:
 * - `tensor`: a value computed by the ONNX graph. `shape` is TensorFlow's without the batch (images [H, W, C],
 *   vectors [C]); images are held in ONNX as NCHW. A vector pooled from an image keeps the pooled image's name
 *   (`pooled4d`, [n, C, 1, 1]): reshaping it back to [1, 1, C] (squeeze-and-excite) then costs nothing.
 * - `const`: known now (a weight, or folded from weights).
 * - `shape`: a shape vector known now but for the batch (what Shape, StridedSlice and Pack compute for a
 *   Reshape); `scalar` when a slice took one element.
 */
export type GraphValue =
  | { kind: "tensor"; name: string; shape: number[]; pooled4d?: string }
  | ({ kind: "const" } & GraphConstant)
  | { kind: "shape"; dims: (number | "batch")[]; scalar?: boolean };

export type Tensor = Extract<GraphValue, { kind: "tensor" }>;
export type Constant = Extract<GraphValue, { kind: "const" }>;

/** What an op converter gets: the graph being built, its node, and its inputs' values. */
export interface OpContext {
  graph: OnnxGraph;
  node: GraphNode;
  inputs: GraphValue[];
  /** The ops that read this node's value (to skip work none of them needs). */
  readers: string[];
}

export type OpConverter = (ctx: OpContext) => GraphValue;

export const isImage = (t: Tensor) => t.shape.length === 3;

/** TensorFlow's axis (batch counted as 0) to the ONNX axis of the same tensor (NCHW for images). */
export function onnxAxis(axis: number, tensor: Tensor): number {
  const rank = tensor.shape.length + 1;
  const tfAxis = axis < 0 ? rank + axis : axis;
  return isImage(tensor) ? ([0, 2, 3, 1][tfAxis] ?? tfAxis) : tfAxis;
}

/** Numpy broadcasting of two shapes (right-aligned). */
export function broadcastShapes(a: number[], b: number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    return x === 1 ? y : x;
  });
}

/**
 * A constant laid out to broadcast against a tensor in its ONNX layout: against an image, TensorFlow's
 * trailing [h, w, c] (leading 1s dropped) becomes [c, h, w] (per-channel [c] becomes [c, 1, 1]).
 */
export function constantAgainst(graph: OnnxGraph, c: Constant, tensor: Tensor, hint: string): string {
  const values = c.data instanceof Float32Array ? c.data : Float32Array.from(c.data);
  const dims = [...c.shape];
  while (dims.length > 0 && dims[0] === 1) dims.shift();
  if (values.length === 1) return graph.weight(hint, values.subarray(0, 1), []);
  if (!isImage(tensor)) return graph.weight(hint, values, dims);
  // Right-aligned against [H, W, C]: [c] is per channel, [w, c] per column and channel, [h, w, c] per pixel.
  const [h = 1, w = 1, ch = 1] = [...Array(3 - Math.min(dims.length, 3)).fill(1), ...dims.slice(-3)] as number[];
  const out = new Float32Array(values.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < ch; k++) out[(k * h + y) * w + x] = values[(y * w + x) * ch + k] ?? 0;
  return graph.weight(hint, out, [ch, h, w]);
}

/** A tensor input, or a refusal naming the node. */
export function tensorInput(ctx: OpContext, index: number, fail: (why: string) => Error): Tensor {
  const value = ctx.inputs[index];
  if (value?.kind !== "tensor") throw fail(`input ${index} must be computed, not ${value?.kind ?? "missing"}`);
  return value;
}

/** A constant input, or a refusal naming the node. */
export function constInput(ctx: OpContext, index: number, fail: (why: string) => Error): Constant {
  const value = ctx.inputs[index];
  if (value?.kind !== "const") throw fail(`input ${index} must be a constant`);
  return value;
}
