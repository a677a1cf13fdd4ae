export interface LabelIssue {
  index: number;
  givenLabel: number;
  suggestedLabel: number;
  /** The out-of-fold probability of the given label. */
  givenProbability: number;
  suggestedProbability: number;
}

/**
 * The confident-learning recipe (Northcutt et al.): each class's threshold is the mean probability its own
 * images get for it; an image is flagged when its given label's probability falls below that label's
 * threshold while another class clears its own, and that class is the suggestion. Most confident first.
 */
export function likelyMislabeled(probabilities: Float32Array, labels: Int32Array, numClasses: number): LabelIssue[] {
  const n = labels.length;
  const sums = new Float64Array(numClasses);
  const counts = new Float64Array(numClasses);
  for (let i = 0; i < n; i++) {
    const given = labels[i] ?? 0;
    sums[given] = (sums[given] ?? 0) + (probabilities[i * numClasses + given] ?? 0);
    counts[given] = (counts[given] ?? 0) + 1;
  }
  const threshold = Float64Array.from(sums, (sum, j) => (counts[j] ? sum / (counts[j] ?? 1) : 1));
  const issues: LabelIssue[] = [];
  for (let i = 0; i < n; i++) {
    const given = labels[i] ?? 0;
    const p = (j: number) => probabilities[i * numClasses + j] ?? 0;
    if (p(given) >= (threshold[given] ?? 1)) continue;
    let suggested = -1;
    for (let j = 0; j < numClasses; j++)
      if (j !== given && p(j) >= (threshold[j] ?? 1) && (suggested < 0 || p(j) > p(suggested))) suggested = j;
    if (suggested >= 0)
      issues.push({
        index: i,
        givenLabel: given,
        suggestedLabel: suggested,
        givenProbability: p(given),
        suggestedProbability: p(suggested),
      });
  }
  return issues.sort(
    (a, b) => b.suggestedProbability - b.givenProbability - (a.suggestedProbability - a.givenProbability),
  );
}
