import type * as tf from "@tensorflow/tfjs";
import type { OnnxGraph } from "./onnx-graph.js";

/**
 * A tensor of the graph being built. Its `shape` is Keras's (no batch, channels last); 4-D values are held
 * in ONNX as NCHW. `pads` is a ZeroPadding2D not yet applied: the convolution or pooling that consumes it
 * takes it into its own pads (as Keras pads MobileNet's stride-2 convolutions: at the end only).
 */
export interface Value {
  name: string;
  shape: number[];
  pads?: [number, number, number, number];
}

export type LayerConfig = Record<string, unknown>;

export interface LayerContext {
  graph: OnnxGraph;
  layer: tf.layers.Layer;
  className: string;
  config: LayerConfig;
  inputs: Value[];
  /** Keras output shape without the batch. */
  outputShape: number[];
  /** A weight of the layer by the last part of its name (kernel, bias, gamma, moving_mean...). */
  weight(suffix: string): { data: Float32Array; shape: number[] } | undefined;
  /** The one layer reading this layer's output, when there is exactly one (for folding). */
  soleConsumer(): { layer: tf.layers.Layer; className: string; config: LayerConfig } | undefined;
  /** Declares the sole consumer done: its output is this layer's. */
  absorbConsumer(): void;
  /** The value's name with any pending padding applied as a Pad node (for consumers that cannot take pads). */
  materialize(value: Value): string;
}

/** Pending zero padding as an explicit Pad node (NCHW pads: begins then ends). */
export function materialize(graph: OnnxGraph, value: Value): string {
  if (!value.pads) return value.name;
  const [t, l, b, r] = value.pads;
  const pads = graph.ints(`${value.name}/pads`, [0, 0, t, l, 0, 0, b, r]);
  return graph.node("Pad", [value.name, pads], `${value.name}_padded`);
}
