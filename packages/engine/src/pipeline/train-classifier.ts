import { type Calibration, calibrationOf } from "../calibration/calibration.js";
import {
  type BaseModelIdentity,
  type Checkpoint,
  createCheckpoint,
  type Preprocessing,
  restoreCheckpoint,
} from "../checkpoints/checkpoint.js";
import { rowsOf, type TrainingSet } from "../data/vector-rows.js";
import { EngineError } from "../errors.js";
import { predictRows, predictVectors } from "../predict/classifier.js";
import type { ClassifierMetrics } from "../records/stored-records.js";
import { type Evaluation, evaluate } from "../training/evaluate.js";
import { createHeadModel, type HeadOptions } from "../training/head-model.js";
import { createOptimizer, type OptimizerConfig } from "../training/optimizer.js";
import { type EpochMetrics, type TrainOptions, trainHead, type VectorSet } from "../training/train-head.js";

/** Vectors of one split with the names of their images (for the evaluation's mistakes). */
export type NamedVectors = VectorSet & { names: string[] };

export interface TrainClassifierInput {
  labels: string[];
  /** The training split: in memory, or streamed from a file (its names are not read). */
  train: TrainingSet;
  validation: NamedVectors;
  test: NamedVectors;
  plan: { head: HeadOptions; optimizer: OptimizerConfig; training: TrainOptions };
  baseModel: BaseModelIdentity;
  preprocessing: Preprocessing;
  /** Continue this checkpoint's head and optimizer; epochs are numbered on from its step. */
  resumeFrom?: Checkpoint;
  onEpoch?: (metrics: EpochMetrics) => void | Promise<void>;
  topK?: number;
  /** The precision "don't know" keeps answers to (0.95 by default); the user can move it later. */
  targetPrecision?: number;
}

/** Which split each figure comes from: an empty split gives no figure, never a crash. */
export interface TrainedClassifier {
  checkpoint: Checkpoint;
  history: EpochMetrics[];
  metrics: ClassifierMetrics;
  /** On the test split when it has images, else validation; null when neither has any. */
  evaluation: Evaluation | null;
  validation: Evaluation | null;
  calibration: Calibration;
}

/**
 * Temperature and abstention threshold fitted on validation (train when validation is empty: better than
 * nothing, and said so), judged on test (else validation, else train).
 */
function calibrate(
  input: TrainClassifierInput,
  probabilities: Record<"train" | "validation" | "test", Float32Array>,
): Calibration {
  const fitSplit = input.validation.y.length > 0 ? "validation" : "train";
  const evaluationSplit = input.test.y.length > 0 ? "test" : input.validation.y.length > 0 ? "validation" : "train";
  return calibrationOf({
    k: input.labels.length,
    train: input.train,
    fit: { probabilities: probabilities[fitSplit], labels: input[fitSplit].y, split: fitSplit },
    evaluation: {
      probabilities: probabilities[evaluationSplit],
      labels: input[evaluationSplit].y,
      split: evaluationSplit,
    },
    fitVectors: input[fitSplit],
    targetPrecision: input.targetPrecision,
  });
}

/**
 * retrain.py's training step, the one path the CLI and the worker share: a head trained on cached vectors
 * (fresh, or continuing a checkpoint), evaluated on the splits that have images, and the checkpoint that
 * holds it (its `step` is the epoch whose weights it keeps: the best one under early stopping). The head and
 * optimizer are disposed whatever happens.
 */
export async function trainClassifier(input: TrainClassifierInput): Promise<TrainedClassifier> {
  if (input.labels.length < 2) throw new EngineError("Training needs at least two labels.");
  if (input.train.y.length === 0) throw new EngineError("Training needs labelled training images.");
  const restored = input.resumeFrom ? await restoreCheckpoint(input.resumeFrom) : null;
  const head = restored?.head ?? createHeadModel(input.plan.head);
  const optimizer = restored?.optimizer ?? createOptimizer(input.plan.optimizer);
  try {
    const training = { ...input.plan.training, initialEpoch: input.resumeFrom?.step ?? 0 };
    const result = await trainHead(head, optimizer, input.train, input.validation, training, input.onEpoch);
    const probabilities = {
      train: await predictRows(head, rowsOf(input.train), input.train.y.length),
      validation: await predictVectors(head, input.validation.x, input.validation.dim),
      test: await predictVectors(head, input.test.x, input.test.dim),
    };
    const assess = (split: "validation" | "test") => {
      const set = input[split];
      return set.y.length > 0 ? evaluate(probabilities[split], set.y, input.labels, set.names, input.topK ?? 5) : null;
    };
    const validation = assess("validation");
    const test = assess("test");
    const calibration = calibrate(input, probabilities);
    const kept = result.history.find((h) => h.epoch === result.bestEpoch) ?? result.history.at(-1);
    const metrics: ClassifierMetrics = {
      trainAccuracy: kept?.trainAccuracy ?? null,
      validationAccuracy: validation?.accuracy ?? null,
      testAccuracy: test?.accuracy ?? null,
      testTopKAccuracy: test?.topKAccuracy ?? null,
      evaluatedOn: test ? "test" : validation ? "validation" : null,
      epochs: result.history.length,
      bestEpoch: result.bestEpoch,
      stoppedEarly: result.stoppedEarly,
      trainingSeconds: result.seconds,
    };
    const checkpoint = await createCheckpoint(head, optimizer, {
      step: result.bestEpoch,
      labels: input.labels,
      baseModel: input.baseModel,
      preprocessing: input.preprocessing,
      training: { head: input.plan.head, optimizer: input.plan.optimizer, options: training },
      metrics: { ...metrics },
      calibration,
    });
    return { checkpoint, history: result.history, metrics, evaluation: test ?? validation, validation, calibration };
  } finally {
    head.dispose();
    optimizer.dispose();
  }
}
