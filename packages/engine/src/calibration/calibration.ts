import { rowsOf, type TrainingSet } from "../data/vector-rows.js";
import { type CurvePoint, precisionCoverageCurve, thresholdFor } from "./abstention.js";
import { classCentroidsOf, distanceToClasses, farDistance } from "./class-centroids.js";
import { type ReliabilityBin, reliability, topOf } from "./reliability.js";
import { applyTemperature, fitTemperature } from "./temperature-scaling.js";

export const DEFAULT_TARGET_PRECISION = 0.95;

/** What a checkpoint keeps to give calibrated probabilities and to say "don't know". */
export type Calibration = {
  temperature: number;
  /** Fitted on the validation split (the training split when validation has no images). */
  fittedOn: "validation" | "train";
  /** Expected calibration error and reliability bins on the evaluation split, before and after. */
  evaluatedOn: "test" | "validation" | "train";
  ece: { before: number; after: number };
  reliability: { before: ReliabilityBin[]; after: ReliabilityBin[] };
  /** Precision and coverage of the calibrated top label as the threshold rises, on the fitting split. */
  curve: CurvePoint[];
  targetPrecision: number;
  /** Answers below this calibrated confidence are "unknown". */
  threshold: number;
  /** Unit mean vector per class (label order), and the distance beyond which an image is far from all. */
  centroids: number[][];
  farDistance: number;
};

export type UnknownReason = "LOW_CONFIDENCE" | "FAR_FROM_TRAINING";

/**
 * Calibrates a trained head from its probabilities on held-out splits: the temperature and the abstention
 * threshold from `fit` (validation), the errors before and after on `evaluation` (test when it has images),
 * the class centroids from the training vectors.
 */
export function calibrationOf(input: {
  k: number;
  train: TrainingSet;
  fit: { probabilities: Float32Array; labels: Int32Array; split: Calibration["fittedOn"] };
  evaluation: { probabilities: Float32Array; labels: Int32Array; split: Calibration["evaluatedOn"] };
  fitVectors: TrainingSet;
  targetPrecision?: number;
}): Calibration {
  const { k } = input;
  const temperature = fitTemperature(input.fit.probabilities, input.fit.labels, k);
  const before = reliability(input.evaluation.probabilities, input.evaluation.labels, k);
  const after = reliability(
    applyTemperature(input.evaluation.probabilities, k, temperature),
    input.evaluation.labels,
    k,
  );
  const curve = precisionCoverageCurve(applyTemperature(input.fit.probabilities, k, temperature), input.fit.labels, k);
  const targetPrecision = input.targetPrecision ?? DEFAULT_TARGET_PRECISION;
  const centroids = classCentroidsOf(rowsOf(input.train), input.train.y, k);
  return {
    temperature,
    fittedOn: input.fit.split,
    evaluatedOn: input.evaluation.split,
    ece: { before: before.ece, after: after.ece },
    reliability: { before: before.bins, after: after.bins },
    curve,
    targetPrecision,
    threshold: thresholdFor(curve, targetPrecision)?.threshold ?? 0,
    centroids: centroids.map((c) => Array.from(c)),
    farDistance: farDistance(rowsOf(input.fitVectors), input.fitVectors.y.length, centroids),
  };
}

/** A checkpoint's calibration with another target precision (the user moved along the curve). */
export function withTargetPrecision(calibration: Calibration, targetPrecision: number): Calibration {
  return {
    ...calibration,
    targetPrecision,
    threshold: thresholdFor(calibration.curve, targetPrecision)?.threshold ?? 0,
  };
}

/**
 * One image's answer: calibrated probabilities, and whether to say "don't know" and why. Far from every
 * class comes first: a confident answer about something unlike any training image is still a guess.
 */
export function decide(
  probabilities: Float32Array,
  vector: Float32Array | null,
  calibration: Calibration,
  centroids: readonly Float32Array[],
): { probabilities: Float32Array; unknown: UnknownReason | null } {
  const k = probabilities.length;
  const calibrated = applyTemperature(probabilities, k, calibration.temperature);
  if (vector && centroids.length > 0 && distanceToClasses(vector, centroids) > calibration.farDistance)
    return { probabilities: calibrated, unknown: "FAR_FROM_TRAINING" };
  if (topOf(calibrated, k, 0).probability < calibration.threshold)
    return { probabilities: calibrated, unknown: "LOW_CONFIDENCE" };
  return { probabilities: calibrated, unknown: null };
}
