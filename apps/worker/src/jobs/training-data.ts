import { bytesToVector, type Db, experimentsRepository } from "@retrain/db";
import type { VectorSet } from "@retrain/engine";

export interface TrainingData {
  labels: string[];
  labelIds: string[];
  /** Vectors by split; `names` are the images' ids (the evaluation's mistakes point at them). */
  sets: Record<"TRAIN" | "VALIDATION" | "TEST", VectorSet & { names: string[] }>;
  dim: number;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The dataset's cached vectors by split, labels in name order (the checkpoint's label order). */
export async function loadTrainingData(
  db: Db,
  datasetId: string,
  baseModelId: string,
  labelNames: Map<string, string>,
): Promise<TrainingData> {
  const rows = await experimentsRepository(db).trainingVectors(datasetId, baseModelId);
  const labelIds = [...new Set(rows.map((r) => r.image.labelId as string))].sort((a, b) =>
    (labelNames.get(a) ?? "").localeCompare(labelNames.get(b) ?? ""),
  );
  const dim = rows[0]?.dim ?? 0;
  const pack = (split: "TRAIN" | "VALIDATION" | "TEST") => {
    // In file-name order, as the CLI packs its vectors: the same photos and seed train the same head,
    // whatever order the database returns them in.
    const mine = rows
      .filter((r) => r.image.split === split)
      .sort((a, b) => byName(a.image.originalName, b.image.originalName) || byName(a.image.id, b.image.id));
    const x = new Float32Array(mine.length * dim);
    for (const [i, r] of mine.entries()) x.set(bytesToVector(r.vector), i * dim);
    return {
      x,
      y: Int32Array.from(mine, (r) => labelIds.indexOf(r.image.labelId as string)),
      dim,
      names: mine.map((r) => r.image.id),
    };
  };
  return {
    labels: labelIds.map((id) => labelNames.get(id) ?? id),
    labelIds,
    dim,
    sets: { TRAIN: pack("TRAIN"), VALIDATION: pack("VALIDATION"), TEST: pack("TEST") },
  };
}
