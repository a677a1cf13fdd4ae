import { checkpointsRepository, type Db, labelledImages, placeVectors } from "@retrain/db";
import { SCORE_ROWS, type VectorIndex, vectorIndex } from "@retrain/engine";

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
    const images = await labelledImages(db, trained.datasetId, trained.baseModelId, {
      keep: (image) => image.split === "TRAIN",
    });
    const index = await indexOfVectors(db, trained, images);
    return {
      index,
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

/**
 * The vectors of `images` in a search index, added a block at a time as their pages arrive: the index holds
 * them as 16-bit floats, and nothing holds a packed 32-bit copy (80,000 training vectors: 205 MB, not 615).
 */
async function indexOfVectors(
  db: Db,
  trained: { datasetId: string; baseModelId: string },
  images: { id: string }[],
): Promise<VectorIndex> {
  let index = vectorIndex(0);
  let block = new Float32Array(0);
  const rows: number[] = [];
  const flush = () => {
    index.add(block.subarray(0, rows.length * index.dim), rows);
    rows.length = 0;
  };
  await placeVectors(db, trained.datasetId, trained.baseModelId, new Map(images.map((image, i) => [image.id, i])), {
    start(dim) {
      index = vectorIndex(dim);
      block = new Float32Array(SCORE_ROWS * dim);
    },
    row(vector, row) {
      new Uint8Array(block.buffer).set(vector, rows.length * vector.byteLength);
      rows.push(row);
      if (rows.length === SCORE_ROWS) flush();
    },
  });
  flush();
  return index;
}

export type Evidence = ReturnType<typeof createEvidence>;
