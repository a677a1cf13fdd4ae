import { InvalidOptionError } from "../errors.js";
import { DEFAULTS } from "./defaults.js";
import type { HeadOptions } from "./head-model.js";
import type { OptimizerConfig } from "./optimizer.js";
import type { TrainOptions } from "./train-head.js";

/** What a user sets for a training run, as stored with experiments and runs (JSON). */
export type Hyperparameters = {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: "adam" | "sgd";
  momentum: number;
  l2: number;
  labelSmoothing: number;
  hiddenUnits: number;
  dropout: number;
  classWeights: "balanced" | "none";
  earlyStoppingPatience: number;
  seed: number;
};

export const DEFAULT_HYPERPARAMETERS: Hyperparameters = {
  epochs: DEFAULTS.training.epochs,
  batchSize: DEFAULTS.training.batchSize,
  learningRate: DEFAULTS.optimizer.learningRate,
  optimizer: "adam",
  momentum: 0.9,
  l2: DEFAULTS.training.l2 ?? 0,
  labelSmoothing: DEFAULTS.training.labelSmoothing ?? 0,
  hiddenUnits: 0,
  dropout: DEFAULTS.head.dropout,
  classWeights: "balanced",
  earlyStoppingPatience: DEFAULTS.training.earlyStoppingPatience ?? 0,
  seed: DEFAULTS.training.seed ?? 42,
};

/** [min, max, whole number] of every numeric hyperparameter: the engine checks them, the API documents them. */
export const HYPERPARAMETER_BOUNDS: Record<string, [number, number, boolean]> = {
  epochs: [1, 1000, true],
  batchSize: [1, 4096, true],
  learningRate: [1e-6, 10, false],
  momentum: [0, 0.999, false],
  l2: [0, 1, false],
  labelSmoothing: [0, 0.5, false],
  hiddenUnits: [0, 4096, true],
  dropout: [0, 0.9, false],
  earlyStoppingPatience: [0, 1000, true],
  seed: [0, 2 ** 31 - 1, true],
};

/** Defaults filled in and every value checked; a bad one raises InvalidOptionError naming it. */
export function resolveHyperparameters(input: Record<string, unknown> = {}): Hyperparameters {
  const merged: Record<string, unknown> = { ...DEFAULT_HYPERPARAMETERS, ...input };
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_HYPERPARAMETERS))
      throw new InvalidOptionError(
        key,
        `unknown hyperparameter (known: ${Object.keys(DEFAULT_HYPERPARAMETERS).join(", ")})`,
      );
  }
  for (const [key, [min, max, integer]] of Object.entries(HYPERPARAMETER_BOUNDS)) {
    const v = merged[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      throw new InvalidOptionError(key, `must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}`);
    }
  }
  if (merged.optimizer !== "adam" && merged.optimizer !== "sgd")
    throw new InvalidOptionError("optimizer", "must be adam or sgd");
  if (merged.classWeights !== "balanced" && merged.classWeights !== "none")
    throw new InvalidOptionError("classWeights", "must be balanced or none");
  return merged as unknown as Hyperparameters;
}

/** The engine options a run uses. */
export function trainingPlan(h: Hyperparameters, featureDim: number, numClasses: number) {
  const head: HeadOptions = { featureDim, numClasses, hiddenUnits: h.hiddenUnits, dropout: h.dropout, seed: h.seed };
  const optimizer: OptimizerConfig = { name: h.optimizer, learningRate: h.learningRate, momentum: h.momentum };
  const training: TrainOptions = {
    epochs: h.epochs,
    batchSize: h.batchSize,
    l2: h.l2,
    labelSmoothing: h.labelSmoothing,
    classWeights: h.classWeights,
    earlyStoppingPatience: h.earlyStoppingPatience > 0 ? h.earlyStoppingPatience : undefined,
    seed: h.seed,
  };
  return { head, optimizer, training };
}
