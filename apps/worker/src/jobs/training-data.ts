import { type Db, labelledVectors } from "@retrain/db";
import type { VectorSet } from "@retrain/engine";

export interface TrainingData {
  labels: string[];
  labelIds: string[];
  /** Vectors by split; `names` are the images' ids (the evaluation's mistakes point at them). */
  sets: Record<"TRAIN" | "VALIDATION" | "TEST", VectorSet & { names: string[] }>;
  dim: number;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SPLITS = ["TRAIN", "VALIDATION", "TEST"] as const;

/**
 * The dataset's cached vectors by split, labels in name order (the checkpoint's label order). One packed
 * array, split after split, each split's rows in file-name order as the CLI packs its vectors (the same photos
 * and seed train the same head, whatever order the database returns them in); each set is a view of it.
 */
export async function loadTrainingData(
  db: Db,
  datasetId: string,
  baseModelId: string,
  labelNames: Map<string, string>,
): Promise<TrainingData> {
  const { images, x, dim } = await labelledVectors(db, datasetId, baseModelId, {
    order: (a, b) =>
      SPLITS.indexOf(a.split) - SPLITS.indexOf(b.split) || byName(a.originalName, b.originalName) || byName(a.id, b.id),
  });
  const labelIds = [...new Set(images.map((image) => image.labelId as string))].sort((a, b) =>
    (labelNames.get(a) ?? "").localeCompare(labelNames.get(b) ?? ""),
  );
  const labelIndex = new Map(labelIds.map((id, i) => [id, i]));
  const set = (split: (typeof SPLITS)[number]) => {
    const start = images.findIndex((image) => image.split === split);
    const mine = start < 0 ? [] : images.slice(start, start + images.filter((i) => i.split === split).length);
    const from = Math.max(start, 0);
    return {
      x: x.subarray(from * dim, (from + mine.length) * dim),
      y: Int32Array.from(mine, (image) => labelIndex.get(image.labelId as string) ?? -1),
      dim,
      names: mine.map((image) => image.id),
    };
  };
  return {
    labels: labelIds.map((id) => labelNames.get(id) ?? id),
    labelIds,
    dim,
    sets: { TRAIN: set("TRAIN"), VALIDATION: set("VALIDATION"), TEST: set("TEST") },
  };
}
