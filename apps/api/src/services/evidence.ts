import { bytesToVector, checkpointsRepository, type Db, experimentsRepository } from "@retrain/db";

interface TrainingSet {
  /** Unit vectors, row-major. */
  x: Float32Array;
  dim: number;
  imageIds: string[];
  labelIds: string[];
}

export interface EvidenceItem {
  imageId: string;
  labelId: string;
  /** Cosine distance to the predicted image's vector. */
  distance: number;
}

const unit = (v: Float32Array) => {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};

/**
 * "Why this answer": the training images nearest a predicted image, by cosine distance between bottleneck
 * vectors. The training split's vectors of a checkpoint's dataset are loaded on first request and kept for a
 * few checkpoints; a scan of them costs milliseconds for tens of thousands of images.
 */
export function createEvidence(db: Db, capacity = 4) {
  const sets = new Map<string, Promise<TrainingSet | null>>();

  async function load(checkpointId: string): Promise<TrainingSet | null> {
    const trained = await checkpointsRepository(db).trainedOn(checkpointId);
    if (!trained) return null;
    const rows = (await experimentsRepository(db).trainingVectors(trained.datasetId, trained.baseModelId)).filter(
      (r) => r.image.split === "TRAIN",
    );
    const dim = rows[0]?.dim ?? 0;
    const x = new Float32Array(rows.length * dim);
    for (const [i, r] of rows.entries()) x.set(unit(bytesToVector(r.vector)), i * dim);
    return { x, dim, imageIds: rows.map((r) => r.image.id), labelIds: rows.map((r) => r.image.labelId ?? "") };
  }

  return {
    async nearest(checkpointId: string, vector: Float32Array, count = 3): Promise<EvidenceItem[]> {
      let set = sets.get(checkpointId);
      if (!set) {
        if (sets.size >= capacity) sets.delete(sets.keys().next().value ?? "");
        set = load(checkpointId);
        sets.set(checkpointId, set);
      }
      const training = await set;
      if (!training || training.dim !== vector.length) return [];
      const v = unit(vector);
      const best: EvidenceItem[] = [];
      for (let row = 0; row < training.imageIds.length; row++) {
        let dot = 0;
        for (let d = 0; d < training.dim; d++) dot += (v[d] ?? 0) * (training.x[row * training.dim + d] ?? 0);
        const distance = 1 - dot;
        if (best.length < count || distance < (best.at(-1)?.distance ?? 1)) {
          best.push({ imageId: training.imageIds[row] ?? "", labelId: training.labelIds[row] ?? "", distance });
          best.sort((a, b) => a.distance - b.distance);
          best.length = Math.min(best.length, count);
        }
      }
      return best;
    },
  };
}

export type Evidence = ReturnType<typeof createEvidence>;
