import type { Db } from "../client.js";
import { isUniqueViolation } from "../database-errors.js";
import { deleteUnusedBlobsAmong } from "./blob-sweep.js";
import { ACTIVE_RUN_STATUSES } from "./run-statuses.js";

export const datasetsRepository = (db: Db) => ({
  create: (data: { workspaceId: string; name: string; description?: string; createdById: string }) =>
    db.dataset.create({ data }),
  findById: (id: string) => db.dataset.findUnique({ where: { id } }),
  findManyByIds: (ids: readonly string[]) => db.dataset.findMany({ where: { id: { in: [...ids] } } }),
  listForWorkspaces: (workspaceIds: readonly string[]) =>
    db.dataset.findMany({ where: { workspaceId: { in: [...workspaceIds] } }, orderBy: { createdAt: "asc" } }),
  update: (id: string, data: { name?: string; description?: string }) => db.dataset.update({ where: { id }, data }),
  /** Deletes a dataset, then the bytes of its images that no other dataset shares. */
  delete: async (id: string) => {
    const images = await db.image.findMany({ where: { datasetId: id }, select: { sha256: true } });
    await db.dataset.delete({ where: { id } });
    await deleteUnusedBlobsAmong(
      db,
      images.map((i) => i.sha256),
    );
  },
  /** What deleting a dataset takes with it: its experiments, their runs under way, their checkpoints. */
  dependents: async (id: string) => {
    const [experiments, activeRuns, checkpoints] = await Promise.all([
      db.experiment.count({ where: { datasetId: id } }),
      db.trainingRun.count({ where: { experiment: { datasetId: id }, status: { in: [...ACTIVE_RUN_STATUSES] } } }),
      db.checkpoint.findMany({ where: { run: { experiment: { datasetId: id } } }, select: { id: true } }),
    ]);
    return { experiments, activeRuns, checkpointIds: checkpoints.map((c) => c.id) };
  },

  createLabel: (datasetId: string, name: string) => db.label.create({ data: { datasetId, name } }),
  /**
   * The label of that name, made if missing; two uploads making it at once get the same one (Prisma's upsert
   * reads then inserts, so it loses such races: the unique constraint decides, and the loser reads).
   */
  ensureLabel: async (datasetId: string, name: string) => {
    const where = { datasetId_name: { datasetId, name } };
    const found = await db.label.findUnique({ where });
    if (found) return found;
    try {
      return await db.label.create({ data: { datasetId, name } });
    } catch (error) {
      const made = isUniqueViolation(error) ? await db.label.findUnique({ where }) : null;
      if (!made) throw error;
      return made;
    }
  },
  labelsByIds: (ids: readonly string[]) => db.label.findMany({ where: { id: { in: [...ids] } } }),
  findLabel: (id: string) => db.label.findUnique({ where: { id }, include: { dataset: true } }),
  /** Image counts per (dataset, split, labelled or not), for the dataset list. */
  splitCounts: (datasetIds: readonly string[]) =>
    db.image.groupBy({
      by: ["datasetId", "split", "labelId"],
      where: { datasetId: { in: [...datasetIds] } },
      _count: { _all: true },
    }),
  labelsOf: (datasetIds: readonly string[]) =>
    db.label.findMany({ where: { datasetId: { in: [...datasetIds] } }, orderBy: { name: "asc" } }),
  renameLabel: (id: string, name: string) => db.label.update({ where: { id }, data: { name } }),
  deleteLabel: (id: string) => db.label.delete({ where: { id } }),
  /** Moves every image of `fromId` to `intoId` and removes `fromId`, in one transaction. */
  mergeLabels: (fromId: string, intoId: string) =>
    db.$transaction(async (tx) => {
      await tx.image.updateMany({ where: { labelId: fromId }, data: { labelId: intoId } });
      await tx.label.delete({ where: { id: fromId } });
      return tx.label.findUniqueOrThrow({ where: { id: intoId } });
    }),
  /** Images per label, for many labels in one query. */
  imageCountsByLabel: (labelIds: readonly string[]) =>
    db.image.groupBy({ by: ["labelId"], where: { labelId: { in: [...labelIds] } }, _count: { _all: true } }),
});
