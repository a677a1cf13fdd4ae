import { randomUUID } from "node:crypto";
import { type Db, poolOf } from "../client.js";
import { bytesOf } from "./blob-storage.js";

/** Rows an insert of vectors carries (six parameters each: PostgreSQL takes at most 65,535 a statement). */
const INSERT_ROWS = 1000;

export const bottlenecksRepository = (db: Db) => ({
  /**
   * Images' bytes by content hash, in one query (a few dozen at a time: their bytes are all in memory). Through
   * node-postgres as well: it reads bytea into a Buffer, where Prisma's result passes through its own copies.
   */
  imageBytes: async (sha256s: readonly string[]) => {
    const { rows } = await poolOf(db).query<{ sha256: string; bytes: Buffer; inObjectStore: boolean }>(
      `SELECT sha256, bytes, "inObjectStore" FROM "Blob" WHERE sha256 = ANY($1::text[])`,
      [sha256s],
    );
    return new Map(await Promise.all(rows.map(async (b) => [b.sha256, await bytesOf(db, b)] as const)));
  },
  /**
   * Idempotent: a retried job that recomputes a vector stored by its first attempt adds no duplicate. Through
   * node-postgres, a few multi-row inserts: Prisma sends bytea parameters as hex text (a chunk of 256 vectors,
   * 1.3 MB of floats, went as 2.6 MB of text to build in the worker and parse in the server); node-postgres
   * sends a Buffer as it is. Ids are UUIDs (Prisma's cuid default is made by the client, not the database).
   */
  saveMany: async (
    rows: { imageId: string; baseModelId: string; vector: Uint8Array<ArrayBuffer>; dim: number; variant?: string }[],
  ) => {
    let count = 0;
    for (let start = 0; start < rows.length; start += INSERT_ROWS) {
      const group = rows.slice(start, start + INSERT_ROWS);
      const values = group.flatMap((r) => [
        randomUUID(),
        r.imageId,
        r.baseModelId,
        r.variant ?? "original",
        r.dim,
        Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength),
      ]);
      const tuples = group.map(
        (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
      );
      const inserted = await poolOf(db).query(
        `INSERT INTO "Bottleneck" (id, "imageId", "baseModelId", variant, dim, vector) VALUES ${tuples.join(", ")}
         ON CONFLICT ("imageId", "baseModelId", variant) DO NOTHING`,
        values,
      );
      count += inserted.rowCount ?? 0;
    }
    return { count };
  },
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
