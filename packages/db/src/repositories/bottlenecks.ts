import type { Db } from "../client.js";
import { bytesColumns, bytesOf } from "./blob-storage.js";

export const bottlenecksRepository = (db: Db) => ({
  /** Images' bytes by content hash, in one query (a few dozen at a time: their bytes are all in memory). */
  imageBytes: async (sha256s: readonly string[]) => {
    const blobs = await db.blob.findMany({ where: { sha256: { in: [...sha256s] } }, select: bytesColumns });
    return new Map(await Promise.all(blobs.map(async (b) => [b.sha256, await bytesOf(db, b)] as const)));
  },
  /** Idempotent: a retried job that recomputes a vector stored by its first attempt adds no duplicate. */
  saveMany: (
    rows: { imageId: string; baseModelId: string; vector: Uint8Array<ArrayBuffer>; dim: number; variant?: string }[],
  ) => db.bottleneck.createMany({ data: rows, skipDuplicates: true }),
  recordFailure: (imageId: string, baseModelId: string, reason: string) =>
    db.extractionFailure.upsert({
      where: { imageId_baseModelId: { imageId, baseModelId } },
      create: { imageId, baseModelId, reason },
      update: { reason },
    }),
  /**
   * Up to `take` of a dataset's vectors for a base model, of its labelled or its unlabelled images (what to
   * label next, pre-labels), with the image's id and label.
   */
  labellingVectors: (datasetId: string, baseModelId: string, labelled: boolean, take: number) =>
    db.bottleneck.findMany({
      where: { baseModelId, variant: "original", image: { datasetId, labelId: labelled ? { not: null } : null } },
      select: { vector: true, dim: true, imageId: true, image: { select: { labelId: true } } },
      orderBy: { imageId: "asc" },
      take,
    }),
  /** A dataset's vectors for a base model a page at a time, in image id order after `afterImageId`. */
  vectorPage: (datasetId: string, baseModelId: string, afterImageId: string | null, take: number) =>
    db.bottleneck.findMany({
      where: {
        baseModelId,
        variant: "original",
        image: { datasetId },
        ...(afterImageId ? { imageId: { gt: afterImageId } } : {}),
      },
      select: { vector: true, dim: true, imageId: true },
      orderBy: { imageId: "asc" },
      take,
    }),
  /** The vectors of these images for a base model (those that have one). */
  vectorsOf: (imageIds: readonly string[], baseModelId: string) =>
    db.bottleneck.findMany({
      where: { baseModelId, variant: "original", imageId: { in: [...imageIds] } },
      select: { vector: true, dim: true, imageId: true },
    }),
  count: (datasetId: string, baseModelId: string) =>
    db.bottleneck.count({ where: { baseModelId, image: { datasetId } } }),
});
