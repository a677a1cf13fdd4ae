export type ReliabilityBin = {
  /** Mean confidence (top probability) of the images in the bin. */
  confidence: number;
  /** Fraction of them whose top label is right. */
  accuracy: number;
  count: number;
};

/** The top label and its probability of each row of probabilities [n, k]. */
export function topOf(probabilities: Float32Array, k: number, row: number): { label: number; probability: number } {
  let label = 0;
  let probability = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < k; j++) {
    const p = probabilities[row * k + j] ?? 0;
    if (p > probability) [label, probability] = [j, p];
  }
  return { label, probability };
}

/**
 * The reliability diagram's bins (equal widths of confidence) and the expected calibration error: the
 * count-weighted gap between confidence and accuracy over the bins.
 */
export function reliability(
  probabilities: Float32Array,
  labels: Int32Array,
  k: number,
  binCount = 10,
): { bins: ReliabilityBin[]; ece: number } {
  const sums = Array.from({ length: binCount }, () => ({ confidence: 0, correct: 0, count: 0 }));
  for (let i = 0; i < labels.length; i++) {
    const top = topOf(probabilities, k, i);
    const bin = sums[Math.min(binCount - 1, Math.floor(top.probability * binCount))];
    if (!bin) continue;
    bin.confidence += top.probability;
    bin.correct += top.label === labels[i] ? 1 : 0;
    bin.count++;
  }
  const bins = sums.map((b) => ({
    confidence: b.count ? b.confidence / b.count : 0,
    accuracy: b.count ? b.correct / b.count : 0,
    count: b.count,
  }));
  const n = labels.length || 1;
  const ece = bins.reduce((sum, b) => sum + (b.count / n) * Math.abs(b.accuracy - b.confidence), 0);
  return { bins, ece };
}
