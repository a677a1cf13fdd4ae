import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";

/** The report as stored: findings name images and labels by id, so they survive renames and reordering. */
export interface StoredHealthReport {
  /** Labelled images with a vector that the report looked at. */
  images: number;
  duplicates: { imageIds: string[]; maxDistance: number; crossesSplits: boolean }[];
  mislabeled: {
    imageId: string;
    givenLabelId: string;
    suggestedLabelId: string;
    givenProbability: number;
    suggestedProbability: number;
  }[];
  strays: { imageId: string; score: number }[];
  balance: {
    perClass: { label: string; train: number; validation: number; test: number; total: number }[];
    small: string[];
    missing: { split: string; labels: string[] }[];
  };
  seconds: { neighbours: number; folds: number; map: number };
}

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
      create: { datasetId, baseModelId, ...health, report: health.report as unknown as Prisma.InputJsonValue },
      update: { ...health, report: health.report as unknown as Prisma.InputJsonValue, computedAt: new Date() },
    }),

  /** The report for this base model, or the latest of any when none is named. */
  async find(datasetId: string, baseModelId?: string | null) {
    const row = await db.datasetHealth.findFirst({
      where: { datasetId, ...(baseModelId ? { baseModelId } : {}) },
      orderBy: { computedAt: "desc" },
    });
    return row ? { ...row, report: row.report as unknown as StoredHealthReport } : null;
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
