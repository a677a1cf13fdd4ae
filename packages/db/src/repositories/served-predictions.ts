import type { Db } from "../client.js";
import { bytesColumns, bytesOf, thumbnailColumns, thumbnailOf } from "./blob-storage.js";
import { deleteUnusedBlobsAmong } from "./blob-sweep.js";
import { type PageRequest, pageArgs, pageRows } from "./pages.js";

/** A day of an alias's served predictions, per answered label (null label: answered "unknown"). */
export interface ServedDayRow {
  day: Date;
  label: string | null;
  count: number;
  meanConfidence: number | null;
}

/** Served predictions read back: summaries per alias for drift, and the review queue. */
export const servedPredictionsRepository = (db: Db) => ({
  /** Counts and mean confidence per day and label since `since`, in one grouped query. */
  daily: async (experimentId: string, alias: string, since: Date): Promise<ServedDayRow[]> => {
    const rows = await db.$queryRaw<{ day: Date; label: string | null; count: bigint; mean: number | null }[]>`
      SELECT date_trunc('day', p."createdAt") AS day, CASE WHEN p.unknown THEN NULL ELSE p.label END AS label,
             count(*) AS count, avg(p.confidence) AS mean
      FROM "Prediction" p
      JOIN "Checkpoint" c ON c.id = p."checkpointId"
      JOIN "TrainingRun" r ON r.id = c."runId"
      WHERE r."experimentId" = ${experimentId} AND p.alias = ${alias} AND p."createdAt" >= ${since}
      GROUP BY 1, 2 ORDER BY 1, 2`;
    return rows.map((r) => ({ day: r.day, label: r.label, count: Number(r.count), meanConfidence: r.mean }));
  },

  /** Each alias that answered since `since`, with its experiment's workspace and dataset (the drift watch). */
  servedAliases: (since: Date) =>
    db.$queryRaw<{ experimentId: string; alias: string; workspaceId: string; datasetId: string }[]>`
      SELECT DISTINCT r."experimentId", p.alias, p."workspaceId", e."datasetId"
      FROM "Prediction" p
      JOIN "Checkpoint" c ON c.id = p."checkpointId"
      JOIN "TrainingRun" r ON r.id = c."runId"
      JOIN "Experiment" e ON e.id = r."experimentId"
      WHERE p."createdAt" >= ${since} AND p.alias IS NOT NULL`,

  /** Labels (not "unknown") an alias answered since `since`, counted. */
  answeredLabels: async (experimentId: string, alias: string, since: Date) => {
    const rows = await db.$queryRaw<{ label: string; count: bigint }[]>`
      SELECT p.label, count(*) AS count
      FROM "Prediction" p
      JOIN "Checkpoint" c ON c.id = p."checkpointId"
      JOIN "TrainingRun" r ON r.id = c."runId"
      WHERE r."experimentId" = ${experimentId} AND p.alias = ${alias} AND p."createdAt" >= ${since}
        AND NOT p.unknown AND p.label IS NOT NULL
      GROUP BY 1`;
    return new Map(rows.map((r) => [r.label, Number(r.count)]));
  },

  /** TRAIN images per label name of a dataset: the distribution served answers are held against. */
  trainingDistribution: async (datasetId: string) => {
    const rows = await db.image.groupBy({
      by: ["labelId"],
      where: { datasetId, split: "TRAIN", labelId: { not: null } },
      _count: { _all: true },
    });
    const labels = await db.label.findMany({ where: { datasetId }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [labels.find((l) => l.id === r.labelId)?.name ?? "?", r._count._all]));
  },

  setKeepServedImages: (workspaceId: string, keepServedImages: boolean) =>
    db.workspace.update({ where: { id: workspaceId }, data: { keepServedImages } }),

  keepAllowed: async (workspaceId: string) =>
    (await db.workspace.findUnique({ where: { id: workspaceId }, select: { keepServedImages: true } }))
      ?.keepServedImages ?? false,

  /** Kept images answered "unknown" or with a small lead over the runner-up, not yet reviewed, newest first. */
  reviewQueue: async (workspaceId: string, maxMargin: number, page: PageRequest) =>
    pageRows(
      page,
      await db.prediction.findMany({
        where: {
          workspaceId,
          keptSha256: { not: null },
          reviewedAt: null,
          OR: [{ unknown: true }, { margin: { lt: maxMargin } }],
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(page),
      }),
    ),

  /** A served prediction with its checkpoint's dataset; the kept image's bytes are read apart (after access). */
  forReview: (id: string) =>
    db.prediction.findUnique({
      where: { id },
      include: { checkpoint: { select: { run: { select: { experiment: { select: { datasetId: true } } } } } } },
    }),

  keptBytes: async (sha256: string) => {
    const blob = await db.blob.findUnique({ where: { sha256 }, select: bytesColumns });
    return blob && bytesOf(db, blob);
  },

  markReviewed: (id: string, reviewedById: string | null) =>
    db.prediction.update({ where: { id }, data: { reviewedAt: new Date(), reviewedById } }),

  /**
   * Forgets images kept for review before `cutoff`: the predictions stay (their labels and scores), their
   * images go, and bytes nothing else uses are deleted. Returns how many predictions lost their image.
   */
  forgetKeptBefore: (cutoff: Date) =>
    db.$transaction(async (tx) => {
      const where = { keptSha256: { not: null }, createdAt: { lt: cutoff } };
      const old = await tx.prediction.findMany({ where, select: { keptSha256: true }, distinct: ["keptSha256"] });
      const { count } = await tx.prediction.updateMany({ where, data: { keptSha256: null } });
      const hashes = old.flatMap((p) => (p.keptSha256 ? [p.keptSha256] : []));
      await deleteUnusedBlobsAmong(tx as Db, hashes);
      return count;
    }),

  keptThumbnail: async (id: string) => {
    const kept = (await db.prediction.findUnique({ where: { id }, select: { kept: { select: thumbnailColumns } } }))
      ?.kept;
    return kept ? thumbnailOf(db, kept) : null;
  },
});
