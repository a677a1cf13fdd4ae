export type ClassMetrics = {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
};

export type Misclassified = {
  name: string;
  trueLabel: string;
  predictedLabel: string;
  /** The top three classes with their probabilities. */
  top: { label: string; probability: number }[];
};

export type Evaluation = {
  count: number;
  accuracy: number;
  topK: number;
  topKAccuracy: number;
  perClass: ClassMetrics[];
  /** rows: true class, columns: predicted class, in label order. */
  confusionMatrix: number[][];
  misclassified: Misclassified[];
  /** Every image's true and predicted label (indices), for paired comparisons of runs on the same images. */
  outcomes: { names: string[]; actual: number[]; predicted: number[] };
  /** The head's full probabilities for the first images (what promotion re-checks through serving). */
  reference: { names: string[]; probabilities: number[][] };
};

/** How many images an evaluation keeps full probabilities of, for the parity check before serving. */
export const REFERENCE_IMAGES = 24;

function ranked(probs: Float32Array, row: number, k: number): number[] {
  const p = probs.subarray(row * k, (row + 1) * k);
  return Array.from(p.keys()).sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
}

/** Accuracy, top-k accuracy, per-class precision / recall / F1, confusion matrix and the mistakes. */
export function evaluate(
  probs: Float32Array,
  labels: Int32Array,
  classNames: string[],
  names: string[] = [],
  topK = 5,
): Evaluation {
  const k = classNames.length;
  const n = labels.length;
  const kk = Math.min(topK, k);
  const matrix = classNames.map(() => new Array<number>(k).fill(0));
  const misclassified: Misclassified[] = [];
  let correct = 0;
  let inTopK = 0;
  const outcomes = { names: [] as string[], actual: [] as number[], predicted: [] as number[] };
  for (let i = 0; i < n; i++) {
    const order = ranked(probs, i, k);
    const truth = labels[i] ?? 0;
    const predicted = order[0] ?? 0;
    const row = matrix[truth];
    if (row) row[predicted] = (row[predicted] ?? 0) + 1;
    if (predicted === truth) correct++;
    else {
      misclassified.push({
        name: names[i] ?? String(i),
        trueLabel: classNames[truth] ?? "?",
        predictedLabel: classNames[predicted] ?? "?",
        top: order.slice(0, 3).map((c) => ({ label: classNames[c] ?? "?", probability: probs[i * k + c] ?? 0 })),
      });
    }
    if (order.slice(0, kk).includes(truth)) inTopK++;
    outcomes.names.push(names[i] ?? String(i));
    outcomes.actual.push(truth);
    outcomes.predicted.push(predicted);
  }
  return {
    count: n,
    accuracy: n > 0 ? correct / n : 0,
    topK: kk,
    topKAccuracy: n > 0 ? inTopK / n : 0,
    perClass: perClassMetrics(matrix, classNames),
    confusionMatrix: matrix,
    misclassified,
    outcomes,
    reference: {
      names: outcomes.names.slice(0, REFERENCE_IMAGES),
      probabilities: outcomes.names
        .slice(0, REFERENCE_IMAGES)
        .map((_, i) => Array.from(probs.subarray(i * k, (i + 1) * k))),
    },
  };
}

/** Precision, recall and F1 of each class from a confusion matrix (rows: true, columns: predicted). */
export function perClassMetrics(matrix: number[][], classNames: string[]): ClassMetrics[] {
  return classNames.map((label, c) => {
    const tp = matrix[c]?.[c] ?? 0;
    const support = (matrix[c] ?? []).reduce((a, b) => a + b, 0);
    const predictedAs = matrix.reduce((a, row) => a + (row[c] ?? 0), 0);
    const precision = predictedAs > 0 ? tp / predictedAs : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
}
