import type { Db } from "../client.js";

/** A claimed image: what extraction needs to read its bytes and name it in errors. */
export interface ClaimedImage {
  id: string;
  sha256: string;
  originalName: string;
}

/**
 * Claims on a dataset's missing vectors, so any number of workers share one extraction a chunk at a time.
 * A claim lasts `seconds` unless renewed; an expired claim (its worker died) is claimed again by the next.
 */
export const extractionClaimsRepository = (db: Db) => ({
  /**
   * Up to `size` of the dataset's images (after `afterId`, in id order) that lack a vector for the base model, have not failed, and nobody
   * holds, claimed for `owner`. Rows another claimer is taking at this moment are skipped (SKIP LOCKED), so
   * two workers claiming at once get different chunks.
   */
  claim: (
    datasetId: string,
    baseModelId: string,
    owner: string,
    size: number,
    seconds: number,
    /** Only images after this id: a claimer walks the dataset once instead of re-reading what is done. */
    afterId = "",
  ) =>
    db.$queryRaw<ClaimedImage[]>`
      WITH free AS (
        SELECT i.id, i.sha256, i."originalName" FROM "Image" i
        WHERE i."datasetId" = ${datasetId} AND i.id > ${afterId}
          AND NOT EXISTS (SELECT 1 FROM "Bottleneck" b
                          WHERE b."imageId" = i.id AND b."baseModelId" = ${baseModelId} AND b.variant = 'original')
          AND NOT EXISTS (SELECT 1 FROM "ExtractionFailure" f WHERE f."imageId" = i.id AND f."baseModelId" = ${baseModelId})
          AND NOT EXISTS (SELECT 1 FROM "ExtractionClaim" c
                          WHERE c."imageId" = i.id AND c."baseModelId" = ${baseModelId} AND c."expiresAt" > now())
        ORDER BY i.id
        LIMIT ${size}::int
        FOR NO KEY UPDATE OF i SKIP LOCKED
      ), claimed AS (
        INSERT INTO "ExtractionClaim" ("imageId", "baseModelId", owner, "expiresAt")
        SELECT id, ${baseModelId}, ${owner}, now() + make_interval(secs => ${seconds}::int) FROM free
        ON CONFLICT ("imageId", "baseModelId") DO UPDATE SET owner = EXCLUDED.owner, "expiresAt" = EXCLUDED."expiresAt"
          WHERE "ExtractionClaim"."expiresAt" <= now()
        RETURNING "imageId"
      )
      SELECT free.* FROM free JOIN claimed ON claimed."imageId" = free.id ORDER BY free.id`,
  /** Keeps an owner's claims alive while it computes them. */
  renew: (owner: string, seconds: number) =>
    db.$executeRaw`UPDATE "ExtractionClaim" SET "expiresAt" = now() + make_interval(secs => ${seconds}::int)
                   WHERE owner = ${owner}`,
  /** Ends an owner's claims (its chunk is stored, or it stops). */
  release: (owner: string) => db.extractionClaim.deleteMany({ where: { owner } }),
  /** Images of the dataset the base model could not read. */
  failureCount: (datasetId: string, baseModelId: string) =>
    db.extractionFailure.count({ where: { baseModelId, image: { datasetId } } }),
  /** Images still without a vector for the base model and not failed (claimed ones included). */
  missingCount: (datasetId: string, baseModelId: string) =>
    db.image.count({
      where: {
        datasetId,
        bottlenecks: { none: { baseModelId, variant: "original" } },
        extractionFailures: { none: { baseModelId } },
      },
    }),
});
