/** retrain.py's warning: a class with fewer images than this trains poorly. */
export const FEW_IMAGES = 20;

export type HealthSplit = "train" | "validation" | "test";

export interface Balance {
  /** Images per class and split, in label order. */
  perClass: { label: string; train: number; validation: number; test: number; total: number }[];
  /** Classes with fewer than FEW_IMAGES images in all. */
  small: string[];
  /** Splits that have images but none of some class (its figures there would be missing). */
  missing: { split: HealthSplit; labels: string[] }[];
}

export function balanceOf(labels: Int32Array, splits: readonly HealthSplit[], labelNames: string[]): Balance {
  const perClass = labelNames.map((label) => ({ label, train: 0, validation: 0, test: 0, total: 0 }));
  for (const [i, label] of labels.entries()) {
    const row = perClass[label];
    const split = splits[i];
    if (!row || !split) continue;
    row[split]++;
    row.total++;
  }
  const missing = (["train", "validation", "test"] as const)
    .filter((split) => perClass.some((c) => c[split] > 0))
    .map((split) => ({ split, labels: perClass.filter((c) => c[split] === 0).map((c) => c.label) }))
    .filter((m) => m.labels.length > 0);
  return { perClass, small: perClass.filter((c) => c.total < FEW_IMAGES).map((c) => c.label), missing };
}
