import { topOf } from "./reliability.js";

export type CurvePoint = {
  /** Answer only when the top calibrated probability is at least this. */
  threshold: number;
  /** Fraction of images answered. */
  coverage: number;
  /** Fraction of the answered whose label is right (1 when none is answered). */
  precision: number;
};

/**
 * Precision against coverage as the confidence threshold rises, one point per distinct confidence (at most
 * `points` of them, evenly by rank): the curve the dashboard lets a user move along.
 */
export function precisionCoverageCurve(probabilities: Float32Array, labels: Int32Array, k: number, points = 101) {
  const rows = Array.from(labels, (label, i) => {
    const top = topOf(probabilities, k, i);
    return { confidence: top.probability, correct: top.label === label };
  }).sort((a, b) => b.confidence - a.confidence);
  const curve: CurvePoint[] = [];
  let correct = 0;
  const every = Math.max(1, Math.floor(rows.length / (points - 1)));
  for (const [i, row] of rows.entries()) {
    correct += row.correct ? 1 : 0;
    const next = rows[i + 1];
    // A point where the next image is less confident (thresholds between equal confidences mean nothing).
    if ((next && next.confidence === row.confidence) || (i % every !== 0 && next)) continue;
    curve.push({ threshold: row.confidence, coverage: (i + 1) / rows.length, precision: correct / (i + 1) });
  }
  return curve.reverse(); // lowest threshold first
}

/**
 * The lowest threshold whose answered images reach the target precision (the most coverage that keeps the
 * promise); when none does, the highest threshold there is.
 */
export function thresholdFor(curve: readonly CurvePoint[], targetPrecision: number): CurvePoint | null {
  return curve.find((p) => p.precision >= targetPrecision) ?? curve.at(-1) ?? null;
}
