import { seededRandom } from "../data/random.js";
import { perClassMetrics } from "../training/evaluate.js";

export interface Interval {
  value: number;
  /** 95% percentile bootstrap interval. */
  low: number;
  high: number;
}

export interface PairedOutcomes {
  actual: readonly number[];
  predictedA: readonly number[];
  predictedB: readonly number[];
}

function confusion(actual: readonly number[], predicted: readonly number[], rows: readonly number[], k: number) {
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const i of rows) {
    const row = matrix[actual[i] ?? 0];
    if (row) row[predicted[i] ?? 0] = (row[predicted[i] ?? 0] ?? 0) + 1;
  }
  return matrix;
}

const accuracyOf = (actual: readonly number[], predicted: readonly number[], rows: readonly number[]) =>
  rows.length ? rows.filter((i) => actual[i] === predicted[i]).length / rows.length : 0;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Paired bootstrap: the same resampled images score both classifiers, so their difference keeps the pairing.
 * Accuracy of each, their difference, and each class's F1 for each, with 95% intervals.
 */
export function pairedBootstrap(outcomes: PairedOutcomes, labels: string[], iterations = 1000, seed = 13) {
  const n = outcomes.actual.length;
  const k = labels.length;
  const random = seededRandom(seed);
  const all = Array.from({ length: n }, (_, i) => i);
  const samples = {
    a: [] as number[],
    b: [] as number[],
    diff: [] as number[],
    f1A: [] as number[][],
    f1B: [] as number[][],
  };
  const f1s = (predicted: readonly number[], rows: readonly number[]) =>
    perClassMetrics(confusion(outcomes.actual, predicted, rows, k), labels).map((m) => m.f1);
  for (let it = 0; it < iterations; it++) {
    const rows = Array.from({ length: n }, () => Math.floor(random() * n));
    const a = accuracyOf(outcomes.actual, outcomes.predictedA, rows);
    const b = accuracyOf(outcomes.actual, outcomes.predictedB, rows);
    samples.a.push(a);
    samples.b.push(b);
    samples.diff.push(b - a);
    samples.f1A.push(f1s(outcomes.predictedA, rows));
    samples.f1B.push(f1s(outcomes.predictedB, rows));
  }
  const interval = (value: number, values: number[]): Interval => {
    const sorted = [...values].sort((x, y) => x - y);
    return { value, low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
  };
  const accuracyA = accuracyOf(outcomes.actual, outcomes.predictedA, all);
  const accuracyB = accuracyOf(outcomes.actual, outcomes.predictedB, all);
  const [f1A, f1B] = [f1s(outcomes.predictedA, all), f1s(outcomes.predictedB, all)];
  return {
    accuracyA: interval(accuracyA, samples.a),
    accuracyB: interval(accuracyB, samples.b),
    difference: interval(accuracyB - accuracyA, samples.diff),
    perClass: labels.map((label, c) => ({
      label,
      f1A: interval(
        f1A[c] ?? 0,
        samples.f1A.map((s) => s[c] ?? 0),
      ),
      f1B: interval(
        f1B[c] ?? 0,
        samples.f1B.map((s) => s[c] ?? 0),
      ),
    })),
  };
}
