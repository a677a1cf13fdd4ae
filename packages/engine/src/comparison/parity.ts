import type { Calibration } from "../calibration/calibration.js";
import { topOf } from "../calibration/reliability.js";
import { applyTemperature } from "../calibration/temperature-scaling.js";
import type { Evaluation } from "../training/evaluate.js";

export interface ParityDifference {
  name: string;
  expectedLabel: string;
  servedLabel: string;
  /** The largest difference between a class's expected and served probability. */
  maxDifference: number;
}

export interface ParityResult {
  checked: number;
  passed: boolean;
  differences: ParityDifference[];
  tolerance: number;
}

/** Probabilities may differ by this much (another runtime, float rounding) before serving counts as changed. */
export const PARITY_TOLERANCE = 0.02;

/**
 * Does serving answer what the evaluation saw? The evaluation's reference images, as served now (decoded,
 * preprocessed and run through the base model as `predict` does), against the probabilities the head gave
 * them in training, calibrated the same way. Another label, or a probability off by more than the tolerance,
 * is a difference: a changed base model file, another preprocessing.
 */
export function parityCheck(
  reference: Evaluation["reference"],
  served: ReadonlyMap<string, readonly number[]>,
  labels: string[],
  calibration: Calibration | undefined,
  tolerance = PARITY_TOLERANCE,
): ParityResult {
  const k = labels.length;
  const differences: ParityDifference[] = [];
  let checked = 0;
  for (const [i, name] of reference.names.entries()) {
    const now = served.get(name);
    const stored = reference.probabilities[i];
    if (!now || !stored) continue; // deleted since: nothing to compare
    checked++;
    const expected = applyTemperature(Float32Array.from(stored), k, calibration?.temperature ?? 1);
    const actual = Float32Array.from(now);
    const maxDifference = Math.max(...labels.map((_, j) => Math.abs((expected[j] ?? 0) - (actual[j] ?? 0))));
    const [expectedLabel, servedLabel] = [topOf(expected, k, 0).label, topOf(actual, k, 0).label];
    if (expectedLabel !== servedLabel || maxDifference > tolerance)
      differences.push({
        name,
        expectedLabel: labels[expectedLabel] ?? "?",
        servedLabel: labels[servedLabel] ?? "?",
        maxDifference,
      });
  }
  return { checked, passed: differences.length === 0, differences, tolerance };
}
