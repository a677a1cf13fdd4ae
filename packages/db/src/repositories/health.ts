import type { Db } from "../client.js";
import type { StoredHealthReport } from "../health-report.js";

export interface StoredHealth {
  signature: string;
  report: StoredHealthReport;
  mapImageIds: string[];
  mapPoints: Uint8Array<ArrayBuffer>;
}

export const healthRepository = (db: Db) => ({
  /**
   * What the report depends on, in one value: each image's id, label and split. Computed in the database so
   * checking a 100,000-image dataset for staleness moves one short string, not its rows.
   */
  async signature(datasetId: string): Promise<string> {
    const rows = await db.$queryRaw<{ signature: string | null }[]>`
      SELECT md5(string_agg(id || ':' || coalesce("labelId", '') || ':' || split::text, ',' ORDER BY id)) AS signature
      FROM "Image" WHERE "datasetId" = ${datasetId}`;
    return rows[0]?.signature ?? "empty";
  },

  save: (datasetId: string, baseModelId: string, health: StoredHealth) =>
    db.datasetHealth.upsert({
      where: { datasetId_baseModelId: { datasetId, baseModelId } },
      create: { datasetId, baseModelId, ...health, report: health.report },
      update: { ...health, report: health.report, computedAt: new Date() },
    }),

  /**
   * The report for this base model, or the latest of any when none is named. A report this release cannot
   * read (an earlier one's shape) counts as none: the next check writes it anew.
   */
  async find(datasetId: string, baseModelId?: string | null) {
    const row = await db.datasetHealth.findFirst({
      where: { datasetId, ...(baseModelId ? { baseModelId } : {}) },
      orderBy: { computedAt: "desc" },
    });
    return row?.report ? { ...row, report: row.report } : null;
  },

  /** Every image's label and split now: findings are read against them (a fix shows at once). */
  currentImages: (datasetId: string) =>
    db.image.findMany({ where: { datasetId }, select: { id: true, labelId: true, split: true } }),

  /** Every stored report's dataset, base model and signature: what the refresher compares with now. */
  allReports: () =>
    db.datasetHealth.findMany({
      select: {
        datasetId: true,
        baseModelId: true,
        signature: true,
        computedAt: true,
        dataset: { select: { workspaceId: true } },
      },
    }),

  reviewedKeys: async (datasetId: string) =>
    new Set(
      (await db.healthReview.findMany({ where: { datasetId }, select: { findingKey: true } })).map((r) => r.findingKey),
    ),

  markReviewed: (datasetId: string, findingKey: string, reviewedById: string | null) =>
    db.healthReview.upsert({
      where: { datasetId_findingKey: { datasetId, findingKey } },
      create: { datasetId, findingKey, reviewedById },
      update: {},
    }),
});
