import type { Db } from "../client.js";
import { Prisma } from "../generated/prisma/client.js";

/** A claimed image: what extraction needs to read its bytes and name it in errors. */
export interface ClaimedImage {
  id: string;
  sha256: string;
  originalName: string;
}

/**
 * Claims on a dataset's missing vectors, so any number of workers share one extraction a chunk at a time.
 * A claim lasts `seconds` unless renewed; an expired claim (its worker died) is claimed again by the next.
 *
 * Every "has no vector yet" test below is a NOT EXISTS with `OFFSET 0`, which keeps PostgreSQL from turning
 * it into a join: it stays a probe of the row's unique index per image, whatever the statistics say. Vectors
 * arrive faster than autovacuum re-analyses the table, and planned as a join on statistics that still say the
 * base model has no vectors, a count compared every image with every vector (measured: 0.4-1 s a count at
 * 4,311 images, 9 million comparisons; quadratic past that).
 */
export const extractionClaimsRepository = (db: Db) => ({
  /**
   * Up to `size` of the dataset's images (after `afterId`, in id order) that lack a vector for the base model,
   * have not failed, and nobody holds, claimed for `owner`. Rows another claimer is taking at this moment are
   * skipped (SKIP LOCKED), so two workers claiming at once get different chunks.
   *
   * Near the end, smaller: a quarter of the free images ahead (counted up to GUIDED_SHARES chunks ahead), down
   * to MIN_GUIDED_CHUNK. With whole chunks to the last, one worker computed the last 256 images while the
   * others had nothing left (guided self-scheduling, as OpenMP's `schedule(guided)`).
   */
  claim: (
    datasetId: string,
    baseModelId: string,
    owner: string,
    size: number,
    seconds: number,
    /** Only images after this id: a claimer walks the dataset once instead of re-reading what is done. */
    afterId = "",
  ) => {
    const lookahead = size * GUIDED_SHARES;
    const smallest = Math.min(size, MIN_GUIDED_CHUNK);
    return db.$queryRaw<ClaimedImage[]>`
      WITH ahead AS (
        -- Free images ahead (three probes each) are counted only once fewer than GUIDED_SHARES chunks of
        -- images, free or not, are ahead (an index-only count): counting them on every claim doubled its cost
        -- (12 -> 25 ms at 100,000 images).
        SELECT CASE WHEN (SELECT count(*) FROM (
                            SELECT 1 FROM "Image" i WHERE i."datasetId" = ${datasetId} AND i.id > ${afterId}
                            ORDER BY i.id LIMIT ${lookahead}::int) a) < ${lookahead}::int
               THEN (SELECT count(*)::int FROM (
                       SELECT 1 FROM "Image" i WHERE ${freeAfter(datasetId, baseModelId, afterId)}
                       ORDER BY i.id LIMIT ${lookahead}::int) f)
               ELSE ${lookahead}::int END AS n
      ), free AS (
        SELECT i.id FROM "Image" i
        WHERE ${freeAfter(datasetId, baseModelId, afterId)}
        ORDER BY i.id
        LIMIT (SELECT least(${size}::int, greatest(${smallest}::int,
                                                 ceil(n / ${GUIDED_SHARES}::numeric)::int)) FROM ahead)
        FOR NO KEY UPDATE OF i SKIP LOCKED
      ), claimed AS (
        INSERT INTO "ExtractionClaim" ("imageId", "baseModelId", owner, "expiresAt")
        SELECT id, ${baseModelId}, ${owner}, now() + make_interval(secs => ${seconds}::int) FROM free
        ON CONFLICT ("imageId", "baseModelId") DO UPDATE SET owner = EXCLUDED.owner, "expiresAt" = EXCLUDED."expiresAt"
          WHERE "ExtractionClaim"."expiresAt" <= now()
        RETURNING "imageId"
      )
      SELECT i.id, i.sha256, i."originalName" FROM claimed JOIN "Image" i ON i.id = claimed."imageId" ORDER BY i.id`;
  },
  /** Keeps an owner's claims alive while it computes them. */
  renew: (owner: string, seconds: number) =>
    db.$executeRaw`UPDATE "ExtractionClaim" SET "expiresAt" = now() + make_interval(secs => ${seconds}::int)
                   WHERE owner = ${owner}`,
  /** Ends an owner's claims: on these images (a chunk of theirs is stored), or all (it stops). */
  release: (owner: string, imageIds?: string[]) =>
    db.extractionClaim.deleteMany({ where: { owner, ...(imageIds ? { imageId: { in: imageIds } } : {}) } }),
  /** Vectors and failures every worker stored for the dataset and model so far (a progress bar reads it). */
  storedCount: async (datasetId: string, baseModelId: string) => {
    const row = await db.extractionCounter.findUnique({
      where: { datasetId_baseModelId: { datasetId, baseModelId } },
    });
    return Number(row?.stored ?? 0);
  },
  /**
   * Fresh statistics of images before an extraction claims them: planned on statistics from before a large
   * import (the dataset "has 20 images"), each claim sorted every image left instead of walking the first few
   * hundred in id order. Without the rights to analyse, PostgreSQL only warns.
   */
  analyseImages: () => db.$executeRaw`ANALYZE "Image"`,
  /** Images of the dataset the base model could not read. */
  failureCount: (datasetId: string, baseModelId: string) =>
    db.extractionFailure.count({ where: { baseModelId, image: { datasetId } } }),
  /** Images still without a vector for the base model and not failed (claimed ones included). */
  missingCount: async (datasetId: string, baseModelId: string) => {
    const [row] = await db.$queryRaw<{ missing: number }[]>(missingCountQuery(datasetId, baseModelId));
    return row?.missing ?? 0;
  },
});

/** Near the end, a claim takes this share of the free images ahead (1 / GUIDED_SHARES)... */
const GUIDED_SHARES = 4;
/** ...but not fewer than this: a smaller chunk costs more in claims and inserts than the tail it saves. */
const MIN_GUIDED_CHUNK = 32;

/** Image `i` of the dataset, after `afterId`, still missing its vector and claimed by nobody (alive). */
const freeAfter = (datasetId: string, baseModelId: string, afterId: string) => Prisma.sql`
  i."datasetId" = ${datasetId} AND i.id > ${afterId} AND ${stillMissing(baseModelId)}
  AND NOT EXISTS (SELECT 1 FROM "ExtractionClaim" c
                  WHERE c."imageId" = i.id AND c."baseModelId" = ${baseModelId} AND c."expiresAt" > now() OFFSET 0)`;

/** Image `i` has no vector for the base model and has not failed it (both fenced: see the repository). */
const stillMissing = (baseModelId: string) => Prisma.sql`
  NOT EXISTS (SELECT 1 FROM "Bottleneck" b WHERE b."imageId" = i.id AND b."baseModelId" = ${baseModelId}
              AND b.variant = 'original' OFFSET 0)
  AND NOT EXISTS (SELECT 1 FROM "ExtractionFailure" f WHERE f."imageId" = i.id AND f."baseModelId" = ${baseModelId} OFFSET 0)`;

/** The count of a dataset's images still without a vector (its plan is tested under stale statistics). */
export const missingCountQuery = (datasetId: string, baseModelId: string) => Prisma.sql`
  SELECT count(*)::int AS missing FROM "Image" i WHERE i."datasetId" = ${datasetId} AND ${stillMissing(baseModelId)}`;
