import { randomUUID } from "node:crypto";
import { type Db, poolOf } from "../client.js";
import { bytesOf } from "./blob-storage.js";

/** Rows an insert of vectors carries (six parameters each: PostgreSQL takes at most 65,535 a statement). */
const INSERT_ROWS = 1000;

/**
 * A CTE adding `amount` rows of `source` to the extraction counter of ($datasetParam, $datasetParam + 1): in the
 * statement that inserted them, so a worker killed between an insert and its count cannot leave them uncounted.
 */
const counting = (datasetParam: number, amount: string, source: string) => `counted AS (
  INSERT INTO "ExtractionCounter" ("datasetId", "baseModelId", stored)
  SELECT $${datasetParam}, $${datasetParam + 1}, ${amount} FROM ${source}
  ON CONFLICT ("datasetId", "baseModelId") DO UPDATE SET stored = "ExtractionCounter".stored + EXCLUDED.stored
)`;

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
    /** Adds the rows each insert added to this dataset's extraction counter, in the same statement. */
    countFor?: { datasetId: string; baseModelId: string },
  ) => {
    let count = 0;
    for (let start = 0; start < rows.length; start += INSERT_ROWS) {
      const group = rows.slice(start, start + INSERT_ROWS);
      const values: unknown[] = group.flatMap((r) => [
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
      const insert = `INSERT INTO "Bottleneck" (id, "imageId", "baseModelId", variant, dim, vector)
         VALUES ${tuples.join(", ")} ON CONFLICT ("imageId", "baseModelId", variant) DO NOTHING`;
      if (!countFor) {
        count += (await poolOf(db).query(insert, values)).rowCount ?? 0;
        continue;
      }
      values.push(countFor.datasetId, countFor.baseModelId);
      const added = await poolOf(db).query<{ n: number }>(
        `WITH inserted AS (${insert} RETURNING 1), ${counting(values.length - 1, "count(*)", "inserted")}
         SELECT count(*)::int AS n FROM inserted`,
        values,
      );
      count += added.rows[0]?.n ?? 0;
    }
    return { count };
  },
  /**
   * Records why images could not be read; the ones recorded for the first time are added to the dataset's
   * extraction counter in the same statement.
   */
  recordFailures: async (
    failures: { imageId: string; reason: string }[],
    baseModelId: string,
    datasetId: string,
  ): Promise<void> => {
    if (failures.length === 0) return;
    const values: unknown[] = failures.flatMap((f) => [randomUUID(), f.imageId, f.reason]);
    const tuples = failures.map(
      (_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${failures.length * 3 + 2}, $${i * 3 + 3}, now())`,
    );
    values.push(datasetId, baseModelId);
    await poolOf(db).query(
      `WITH recorded AS (
         INSERT INTO "ExtractionFailure" (id, "imageId", "baseModelId", reason, "createdAt") VALUES ${tuples.join(", ")}
         ON CONFLICT ("imageId", "baseModelId") DO UPDATE SET reason = EXCLUDED.reason RETURNING (xmax = 0) AS fresh
       ), ${counting(values.length - 1, "count(*) FILTER (WHERE fresh)", "recorded")}
       SELECT 1`,
      values,
    );
  },
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
