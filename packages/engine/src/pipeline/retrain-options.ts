import type { SplitOptions } from "../data/splits.js";
import type { ResizeMode, Variant } from "../images/decode-image.js";
import type { InferenceChoice } from "../inference/inference-plan.js";
import type { Normalization } from "../models/catalog.js";
import type { HeadOptions } from "../training/head-model.js";
import type { OptimizerConfig } from "../training/optimizer.js";
import type { TrainOptions } from "../training/train-head.js";

export interface RetrainOptions {
  /** A folder per class, as retrain.py's --image_dir. */
  imageDir: string;
  /** A catalog id, the URL of a model.json, or a local folder holding one. */
  baseModel: string;
  /** Where bottleneck vectors are cached between runs. */
  bottleneckDir: string;
  /** Where downloaded base models are cached. */
  modelCacheDir: string;
  /** Receives checkpoint/, model/ (the standalone export) and labels.txt. */
  outputDir: string;
  /** Where the base model runs (auto: ONNX Runtime where it can); the head trains on TensorFlow.js. */
  backend?: InferenceChoice;
  threads?: number;
  extractionBatchSize?: number;
  resize?: ResizeMode;
  /** Extra variants of each training image, each computed once and cached. */
  augment?: Exclude<Variant, "original">[];
  split?: SplitOptions;
  head?: Pick<HeadOptions, "hiddenUnits" | "dropout">;
  optimizer?: OptimizerConfig;
  training?: Partial<TrainOptions>;
  bottleneck?: string;
  normalization?: Normalization;
  topK?: number;
}

export { DEFAULTS } from "../training/defaults.js";
