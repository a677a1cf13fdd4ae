import * as tf from "@tensorflow/tfjs";
import type { Calibration } from "../calibration/calibration.js";
import { BaseModelMismatchError, EngineError } from "../errors.js";
import type { ResizeMode } from "../images/decode-image.js";
import type { BaseModelSpec, Normalization } from "../models/catalog.js";
import { modelArtifacts } from "../models/model-artifacts.js";
import type { StoredMetrics } from "../records/stored-records.js";
import type { HeadOptions } from "../training/head-model.js";
import {
  createOptimizer,
  type OptimizerConfig,
  restoreOptimizerState,
  saveOptimizerState,
} from "../training/optimizer.js";
import type { TrainOptions } from "../training/train-head.js";

export const CHECKPOINT_FORMAT = "retrain-studio-checkpoint/1";

/** What the head was trained on; a checkpoint is only valid with this exact base and preprocessing. */
export interface BaseModelIdentity {
  id: string;
  url: string;
  format: BaseModelSpec["format"];
  weightsHash: string;
  featureDim: number;
  bottleneck?: string;
}

export interface Preprocessing {
  inputSize: number;
  normalization: Normalization;
  resize: ResizeMode;
}

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** Epochs trained so far. */
  step: number;
  labels: string[];
  baseModel: BaseModelIdentity;
  preprocessing: Preprocessing;
  training: { head: HeadOptions; optimizer: OptimizerConfig; options: TrainOptions };
  metrics?: StoredMetrics;
  /** Temperature, abstention threshold and class centroids (checkpoints saved before them have none). */
  calibration?: Calibration;
  /** The head's Keras topology (model.json's modelTopology). */
  topology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weights: Uint8Array;
  optimizerState?: { specs: tf.io.WeightsManifestEntry[]; data: Uint8Array };
}

export { modelArtifacts } from "../models/model-artifacts.js";

export function baseModelIdentity(base: { spec: BaseModelSpec; weightsHash: string }): BaseModelIdentity {
  const { id, url, format, featureDim, bottleneck } = base.spec;
  return { id, url, format, featureDim, bottleneck, weightsHash: base.weightsHash };
}

const bytesOf = (data: tf.io.WeightData | undefined) =>
  new Uint8Array(tf.io.CompositeArrayBuffer.join(data ?? new ArrayBuffer(0)));

export async function createCheckpoint(
  head: tf.LayersModel,
  optimizer: tf.Optimizer | undefined,
  meta: Omit<Checkpoint, "format" | "topology" | "weightSpecs" | "weights" | "optimizerState">,
): Promise<Checkpoint> {
  const artifacts = await modelArtifacts(head);
  const state = optimizer ? await saveOptimizerState(optimizer) : undefined;
  return {
    format: CHECKPOINT_FORMAT,
    ...meta,
    topology: artifacts.modelTopology as object,
    weightSpecs: artifacts.weightSpecs ?? [],
    weights: bytesOf(artifacts.weightData),
    optimizerState: state ? { specs: state.specs, data: new Uint8Array(state.data) } : undefined,
  };
}

/** The base model as far as a checkpoint's identity check goes. */
export type BaseModelStamp = { spec: Pick<BaseModelSpec, "id" | "featureDim">; weightsHash: string };

/** Refuses a checkpoint trained on another base model: its vectors would mean nothing to the head. */
export function assertSameBase(checkpoint: Checkpoint, base: BaseModelStamp): void {
  const want = checkpoint.baseModel;
  if (want.weightsHash !== base.weightsHash || want.featureDim !== base.spec.featureDim) {
    throw new BaseModelMismatchError(
      `This checkpoint was trained on base model ${want.id} (weights ${want.weightsHash.slice(0, 12)}, ${want.featureDim}-d), ` +
        `not on ${base.spec.id} (weights ${base.weightsHash.slice(0, 12)}, ${base.spec.featureDim}-d).`,
    );
  }
}

const toBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/**
 * Refuses weights whose bytes do not add up to what their specs declare, before TensorFlow.js sees them: it
 * would build the model's variables first and then fail, leaving them behind.
 */
function assertWholeWeights(what: string, specs: tf.io.WeightsManifestEntry[], bytes: Uint8Array) {
  const declared = specs.reduce(
    (sum, s) => sum + s.shape.reduce((a, b) => a * b, 1) * (BYTES_PER_ELEMENT[s.dtype] ?? Number.NaN),
    0,
  );
  if (declared !== bytes.byteLength)
    throw new EngineError(`The checkpoint's ${what} are damaged: ${bytes.byteLength} bytes for ${declared} declared.`);
}

/** Loads the head (and, to resume training, its optimizer with its state) from a checkpoint. */
export async function restoreCheckpoint(
  checkpoint: Checkpoint,
  base?: BaseModelStamp,
): Promise<{ head: tf.LayersModel; optimizer: tf.Optimizer }> {
  if (checkpoint.format !== CHECKPOINT_FORMAT)
    throw new EngineError(`unknown checkpoint format ${String(checkpoint.format)}`);
  if (base) assertSameBase(checkpoint, base);
  assertWholeWeights("weights", checkpoint.weightSpecs, checkpoint.weights);
  if (checkpoint.optimizerState)
    assertWholeWeights("optimizer state", checkpoint.optimizerState.specs, checkpoint.optimizerState.data);
  const head = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: checkpoint.topology,
      weightSpecs: checkpoint.weightSpecs,
      weightData: toBuffer(checkpoint.weights),
    }),
  );
  const optimizer = createOptimizer(checkpoint.training.optimizer);
  try {
    if (checkpoint.optimizerState) {
      await restoreOptimizerState(optimizer, {
        specs: checkpoint.optimizerState.specs,
        data: toBuffer(checkpoint.optimizerState.data),
      });
    }
  } catch (error) {
    head.dispose();
    optimizer.dispose();
    throw error;
  }
  return { head, optimizer };
}
