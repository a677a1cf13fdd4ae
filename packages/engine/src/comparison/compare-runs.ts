import type { Evaluation } from "../training/evaluate.js";
import { type Interval, pairedBootstrap } from "./bootstrap.js";
import { mcnemarExact } from "./mcnemar.js";

export interface RunComparison {
  /** Whether both were evaluated on exactly the same images with the same labels: a paired test needs it. */
  sameImages: boolean;
  images: number;
  accuracyA: Interval;
  accuracyB: Interval;
  /** B minus A. */
  difference: Interval;
  perClass: { label: string; f1A: Interval; f1B: Interval }[];
  /** Images only A got right, only B got right, and McNemar's exact p-value. */
  onlyA: number;
  onlyB: number;
  pValue: number;
  significant: boolean;
  /** The verdict in words, for people. */
  verdict: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Two runs' evaluations compared honestly: paired on the images both were evaluated on (McNemar's exact test
 * at 5%, paired bootstrap intervals), or refused when those images differ (different splits, images added).
 */
/** What a comparison reads of an evaluation: its per-image outcomes (runs stored before them lack them). */
type WithOutcomes = Partial<Pick<Evaluation, "outcomes">>;

export function compareRuns(a: WithOutcomes, b: WithOutcomes, labels: string[], alpha = 0.05): RunComparison | null {
  const [outA, outB] = [a.outcomes, b.outcomes];
  if (!outA || !outB) return null;
  const indexOfB = new Map(outB.names.map((name, i) => [name, i]));
  const sameImages =
    outA.names.length === outB.names.length &&
    outA.names.every((name, i) => indexOfB.has(name) && outB.actual[indexOfB.get(name) ?? -1] === outA.actual[i]);
  if (!sameImages) return null;
  const predictedB = outA.names.map((name) => outB.predicted[indexOfB.get(name) ?? 0] ?? -1);
  const { actual, predicted: predictedA } = outA;
  let onlyA = 0;
  let onlyB = 0;
  for (const [i, truth] of actual.entries()) {
    const [rightA, rightB] = [predictedA[i] === truth, predictedB[i] === truth];
    if (rightA && !rightB) onlyA++;
    if (rightB && !rightA) onlyB++;
  }
  const pValue = mcnemarExact(onlyA, onlyB);
  const significant = pValue < alpha;
  const boot = pairedBootstrap({ actual, predictedA, predictedB }, labels);
  const better = boot.difference.value > 0 ? "B" : "A";
  const verdict = significant
    ? `Run ${better} is better: ${pct(Math.abs(boot.difference.value))} more accurate on the same ${actual.length} images (95% interval ${pct(boot.difference.low)} to ${pct(boot.difference.high)}; McNemar p = ${pValue.toPrecision(2)}).`
    : `No significant difference: ${pct(boot.difference.value)} in accuracy on the same ${actual.length} images could be chance (McNemar p = ${pValue.toPrecision(2)}; 95% interval ${pct(boot.difference.low)} to ${pct(boot.difference.high)}).`;
  return { sameImages, images: actual.length, ...boot, onlyA, onlyB, pValue, significant, verdict };
}
