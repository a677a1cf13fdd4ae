import { z } from "zod";
import type { CurvePoint } from "../calibration/abstention.js";
import type { Calibration } from "../calibration/calibration.js";
import type { ReliabilityBin } from "../calibration/reliability.js";
import type { ClassMetrics, Evaluation, Misclassified } from "../training/evaluate.js";
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters } from "../training/hyperparameters.js";

// What the engine's results look like once stored as JSON (hyperparameters, metrics, evaluations,
// calibration), for the database package to read them back typed. Each schema is checked against the
// engine's own type; rows written by earlier releases read as they were (fields they lack are optional or
// take their defaults).

const number = z.number();
const label = z.string();

const defaults = DEFAULT_HYPERPARAMETERS;

/** Hyperparameters as stored: a value missing or out of its type (an older release's row) reads as its default. */
export const storedHyperparametersSchema = z.object({
  epochs: number.catch(defaults.epochs),
  batchSize: number.catch(defaults.batchSize),
  learningRate: number.catch(defaults.learningRate),
  optimizer: z.enum(["adam", "sgd"]).catch(defaults.optimizer),
  momentum: number.catch(defaults.momentum),
  l2: number.catch(defaults.l2),
  labelSmoothing: number.catch(defaults.labelSmoothing),
  hiddenUnits: number.catch(defaults.hiddenUnits),
  dropout: number.catch(defaults.dropout),
  classWeights: z.enum(["balanced", "none"]).catch(defaults.classWeights),
  earlyStoppingPatience: number.catch(defaults.earlyStoppingPatience),
  seed: number.catch(defaults.seed),
}) satisfies z.ZodType<Hyperparameters>;

/** What a run measured: accuracies on each split, the epochs it trained and how long. */
export const classifierMetricsSchema = z.object({
  trainAccuracy: number.nullable(),
  validationAccuracy: number.nullable(),
  testAccuracy: number.nullable(),
  testTopKAccuracy: number.nullable(),
  /** The split `evaluation` was computed on: test when it has images, else validation, else none. */
  evaluatedOn: z.enum(["test", "validation"]).nullable(),
  epochs: number,
  bestEpoch: number,
  stoppedEarly: z.boolean(),
  trainingSeconds: number,
});
export type ClassifierMetrics = z.infer<typeof classifierMetricsSchema>;

/** Metrics as stored by any release: figures older rows lack read as missing. */
export const storedMetricsSchema = classifierMetricsSchema.partial();
export type StoredMetrics = z.infer<typeof storedMetricsSchema>;

const classMetricsSchema = z.object({
  label,
  precision: number,
  recall: number,
  f1: number,
  support: number,
}) satisfies z.ZodType<ClassMetrics>;

const misclassifiedSchema = z.object({
  name: z.string(),
  trueLabel: label,
  predictedLabel: label,
  top: z.array(z.object({ label, probability: number })),
}) satisfies z.ZodType<Misclassified>;

/** An evaluation as stored: runs trained before per-image outcomes and reference images lack them. */
export const storedEvaluationSchema = z.object({
  count: number,
  accuracy: number,
  topK: number,
  topKAccuracy: number,
  perClass: z.array(classMetricsSchema),
  confusionMatrix: z.array(z.array(number)),
  misclassified: z.array(misclassifiedSchema),
  outcomes: z.object({ names: z.array(z.string()), actual: z.array(number), predicted: z.array(number) }).optional(),
  reference: z.object({ names: z.array(z.string()), probabilities: z.array(z.array(number)) }).optional(),
}) satisfies z.ZodType<Omit<Evaluation, "outcomes" | "reference">>;
export type StoredEvaluation = z.infer<typeof storedEvaluationSchema>;

const reliabilityBinSchema = z.object({
  confidence: number,
  accuracy: number,
  count: number,
}) satisfies z.ZodType<ReliabilityBin>;
const curvePointSchema = z.object({
  threshold: number,
  coverage: number,
  precision: number,
}) satisfies z.ZodType<CurvePoint>;

export const calibrationSchema = z.object({
  temperature: number,
  fittedOn: z.enum(["validation", "train"]),
  evaluatedOn: z.enum(["test", "validation", "train"]),
  ece: z.object({ before: number, after: number }),
  reliability: z.object({ before: z.array(reliabilityBinSchema), after: z.array(reliabilityBinSchema) }),
  curve: z.array(curvePointSchema),
  targetPrecision: number,
  threshold: number,
  centroids: z.array(z.array(number)),
  farDistance: number,
}) satisfies z.ZodType<Calibration>;

/**
 * A JSON column read by its schema: null when it is empty or does not fit (a row from a release whose shape
 * this one cannot read says nothing rather than something false).
 */
export function readStored<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
