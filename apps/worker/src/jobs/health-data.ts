import { type Db, type LabelledImage, labelledImages, placeVectors } from "@retrain/db";
import type { TrainingSet } from "@retrain/engine";
import { shuffledVectorFile } from "./vector-file.js";

export interface HealthData {
  /** One vector per labelled image: packed in memory, or streamed from a local file when too large. */
  set: TrainingSet;
  /** The image of each row of the set. */
  images: LabelledImage[];
  /** Label ids in the order of the set's label indices. */
  labelIds: string[];
  /** Closes and deletes the set's file, when it was streamed. */
  close(): void;
}

/**
 * A dataset's labelled images with their vectors for a health check: packed in memory up to `memoryBytes`
 * (TRAINING_MEMORY_MB, as for training), beyond it written once to a local file in a shuffled order and read
 * a block at a time (100,000 vectors of 1,280 floats are 512 MB a copy).
 */
export async function loadHealthData(
  db: Db,
  datasetId: string,
  baseModelId: string,
  memoryBytes = Number.POSITIVE_INFINITY,
): Promise<HealthData> {
  const images = await labelledImages(db, datasetId, baseModelId);
  const labelIds = [...new Set(images.map((image) => image.labelId as string))].sort();
  const labelIndex = new Map(labelIds.map((id, i) => [id, i]));
  const labelOf = (row: number) => labelIndex.get(images[row]?.labelId as string) ?? 0;
  const state: { file?: ReturnType<typeof shuffledVectorFile>; packed: Uint8Array } = { packed: new Uint8Array(0) };
  const dim = await placeVectors(db, datasetId, baseModelId, new Map(images.map((image, i) => [image.id, i])), {
    start(width) {
      if (images.length * width * 4 > memoryBytes) state.file = shuffledVectorFile(images.length, width);
      else state.packed = new Uint8Array(images.length * width * 4);
    },
    row(vector, row) {
      if (state.file) state.file.write(vector, row);
      else state.packed.set(vector, row * vector.byteLength);
    },
  });
  if (!state.file) {
    const x = new Float32Array(state.packed.buffer);
    return { set: { x, y: Int32Array.from(images, (_, row) => labelOf(row)), dim }, images, labelIds, close() {} };
  }
  const streamed = state.file.finish(labelOf, (row) => images[row]?.id ?? "");
  const byId = new Map(images.map((image) => [image.id, image]));
  const inFileOrder = streamed.set.names.flatMap((id) => byId.get(id) ?? []);
  return { set: streamed.set, images: inFileOrder, labelIds, close: streamed.remove };
}
