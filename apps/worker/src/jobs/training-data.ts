import { type Db, labelledImages, placeVectors } from "@retrain/db";
import type { TrainingSet, VectorSet } from "@retrain/engine";
import { shuffledVectorFile } from "./vector-file.js";

type Named<S> = S & { names: string[] };

export interface TrainingData {
  labels: string[];
  labelIds: string[];
  /** Vectors by split; `names` are the images' ids (the evaluation's mistakes point at them). */
  sets: { TRAIN: Named<TrainingSet>; VALIDATION: Named<VectorSet>; TEST: Named<VectorSet> };
  dim: number;
  /** Closes and deletes the training split's file, when it was streamed. */
  close(): void;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SPLITS = ["TRAIN", "VALIDATION", "TEST"] as const;

/**
 * The dataset's cached vectors by split, labels in name order (the checkpoint's label order), each split's
 * rows in file-name order as the CLI packs its vectors (the same photos and seed train the same head, whatever
 * order the database returns them in). A training split larger than `memoryBytes` is written once to a local
 * file in a seeded shuffled order and streamed from it (memory holds a block, not the split); validation and
 * test stay packed in memory, views of one array.
 */
export async function loadTrainingData(
  db: Db,
  datasetId: string,
  baseModelId: string,
  labelNames: Map<string, string>,
  memoryBytes = Number.POSITIVE_INFINITY,
): Promise<TrainingData> {
  const images = await labelledImages(db, datasetId, baseModelId, {
    order: (a, b) =>
      SPLITS.indexOf(a.split) - SPLITS.indexOf(b.split) || byName(a.originalName, b.originalName) || byName(a.id, b.id),
  });
  const labelIds = [...new Set(images.map((image) => image.labelId as string))].sort((a, b) =>
    (labelNames.get(a) ?? "").localeCompare(labelNames.get(b) ?? ""),
  );
  const labelIndex = new Map(labelIds.map((id, i) => [id, i]));
  const labelOf = (i: number) => labelIndex.get(images[i]?.labelId as string) ?? -1;
  const trainCount = images.filter((image) => image.split === "TRAIN").length;

  // The training split's rows go to a file when it is too large to hold; the rest are packed in memory.
  const state: { file?: ReturnType<typeof shuffledVectorFile>; first: number; packed: Uint8Array } = {
    first: 0,
    packed: new Uint8Array(0),
  };
  const dim = await placeVectors(db, datasetId, baseModelId, new Map(images.map((image, i) => [image.id, i])), {
    start(width) {
      if (trainCount * width * 4 > memoryBytes) {
        state.file = shuffledVectorFile(trainCount, width);
        state.first = trainCount;
      }
      state.packed = new Uint8Array((images.length - state.first) * width * 4);
    },
    row(vector, i) {
      if (i < state.first) state.file?.write(vector, i);
      else state.packed.set(vector, (i - state.first) * vector.byteLength);
    },
  });
  const x = new Float32Array(state.packed.buffer);
  const set = (split: (typeof SPLITS)[number]) => {
    const start = images.findIndex((image) => image.split === split);
    const count = images.filter((i) => i.split === split).length;
    const from = Math.max(start, 0);
    return {
      x: x.subarray((from - state.first) * dim, (from - state.first + count) * dim),
      y: Int32Array.from({ length: count }, (_, i) => labelOf(from + i)),
      dim,
      names: images.slice(from, from + count).map((image) => image.id),
    };
  };
  const streamed = state.file?.finish(labelOf, (i) => images[i]?.id ?? "");
  return {
    labels: labelIds.map((id) => labelNames.get(id) ?? id),
    labelIds,
    dim,
    sets: { TRAIN: streamed?.set ?? set("TRAIN"), VALIDATION: set("VALIDATION"), TEST: set("TEST") },
    close: streamed?.remove ?? (() => {}),
  };
}
