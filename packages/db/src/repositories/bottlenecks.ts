import type { Db } from "../client.js";

export const bottlenecksRepository = (db: Db) => ({
  /** Images of a dataset without a vector for this base model (original variant) and not known to fail. */
  missingImages: (datasetId: string, baseModelId: string) =>
    db.image.findMany({
      where: {
        datasetId,
        bottlenecks: { none: { baseModelId, variant: "original" } },
        extractionFailures: { none: { baseModelId } },
      },
      select: { id: true, sha256: true, originalName: true },
      orderBy: { id: "asc" },
    }),
  imageBytes: (sha256: string) => db.blob.findUnique({ where: { sha256 }, select: { bytes: true } }),
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
  count: (datasetId: string, baseModelId: string) =>
    db.bottleneck.count({ where: { baseModelId, image: { datasetId } } }),
});
