import type * as tf from "@tensorflow/tfjs";
import type { Normalization } from "../images/normalization.js";
import type { BaseModelSpec, ModelFormat } from "../models/catalog.js";
import type { LoadedModelFiles } from "../models/model-files.js";
import type { ModelJson } from "../models/model-json.js";
import type { Value } from "../onnx/layer-context.js";
import type { OnnxGraph } from "../onnx/onnx-graph.js";

/** A pretrained network cut at its bottleneck: raw pixels in, one feature vector per image out. */
export interface BaseModel {
  spec: BaseModelSpec;
  /** SHA-256 of the weights, so that a checkpoint knows exactly which base it was trained on. */
  weightsHash: string;
  /** [n, size, size, 3] int32 RGB bytes to [n, featureDim] float32. The caller disposes the result. */
  extract(pixels: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}

/** What travels with an exported model besides the network, so that it serves as the API does. */
export interface ExportMeta {
  labels: string[];
  preprocessing: { inputSize: number; normalization: Normalization; resize: string };
  /** Calibration: divide log-probabilities by it (softmax again), and answer "unknown" under the threshold. */
  temperature?: number;
  abstentionThreshold?: number;
}

/**
 * One model file format (TensorFlow.js `layers-model` or `graph-model`): how to recognise it, run it on
 * TensorFlow.js, write it into an ONNX graph, and export it with a trained head. Everything that depends
 * on the format goes through here.
 */
export interface ModelFormatModule {
  readonly name: ModelFormat;
  /** Whether model.json is in this format. */
  detect(json: ModelJson): boolean;
  /** On TensorFlow.js, cut at the bottleneck, a spatial output average-pooled to a vector. */
  load(spec: BaseModelSpec, files: LoadedModelFiles): Promise<BaseModel>;
  /**
   * The same network written into an ONNX graph after `input` (normalised pixels, NCHW), pooled the same
   * way; with the spec as converting it found it (feature size, cut point). Throws
   * UnsupportedConversionError naming what it cannot take.
   */
  emitOnnx(
    graph: OnnxGraph,
    spec: BaseModelSpec,
    files: LoadedModelFiles,
    input: Value,
  ): Promise<{ features: Value; spec: BaseModelSpec }>;
  /** Writes base and head for TensorFlow.js into `dir`, with `meta`. */
  exportTfjs(
    dir: string,
    spec: BaseModelSpec,
    files: LoadedModelFiles,
    head: tf.LayersModel,
    meta: ExportMeta,
  ): Promise<void>;
}
