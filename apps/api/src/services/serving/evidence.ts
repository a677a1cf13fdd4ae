import { checkpointsRepository, type Db, labelledVectors } from "@retrain/db";
import { buildVectorIndex, type VectorIndex } from "@retrain/engine";

interface TrainingSet {
  index: VectorIndex;
  imageIds: string[];
  labelIds: string[];
}

export interface EvidenceItem {
  imageId: string;
  labelId: string;
  /** Cosine distance to the predicted image's vector. */
  distance: number;
}

/**
 * "Why this answer": the training images nearest a predicted image, by cosine distance between bottleneck
 * vectors. The training split's vectors of a checkpoint's dataset go into an HNSW index on first request
 * (kept for a few checkpoints), so each request costs a logarithmic search, not a scan of every vector.
 */
export function createEvidence(db: Db, capacity = 4) {
  const sets = new Map<string, Promise<TrainingSet | null>>();

  async function load(checkpointId: string): Promise<TrainingSet | null> {
    const trained = await checkpointsRepository(db).trainedOn(checkpointId);
    if (!trained) return null;
    const { images, x, dim } = await labelledVectors(db, trained.datasetId, trained.baseModelId, {
      keep: (image) => image.split === "TRAIN",
    });
    return {
      index: buildVectorIndex(x, dim),
      imageIds: images.map((image) => image.id),
      labelIds: images.map((image) => image.labelId ?? ""),
    };
  }

  return {
    async nearest(checkpointId: string, vector: Float32Array, count = 3): Promise<EvidenceItem[]> {
      let set = sets.get(checkpointId);
      if (!set) {
        if (sets.size >= capacity) sets.delete(sets.keys().next().value ?? "");
        set = load(checkpointId);
        sets.set(checkpointId, set);
        // A failed load is tried again next time rather than remembered.
        set.catch(() => sets.delete(checkpointId));
      }
      const training = await set;
      if (!training) return [];
      return training.index.search(vector, count).map(({ row, distance }) => ({
        imageId: training.imageIds[row] ?? "",
        labelId: training.labelIds[row] ?? "",
        distance,
      }));
    },
  };
}

export type Evidence = ReturnType<typeof createEvidence>;
