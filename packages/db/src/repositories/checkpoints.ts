import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { type PageRequest, pageArgs, pageRows } from "./pages.js";

const workspaceAndRole = (userId: string) =>
  ({
    workspaceId: true,
    workspace: { select: { memberships: { where: { userId }, select: { role: true } } } },
  }) as const;

/** What lists of checkpoints leave out: the weights, the optimizer state and the calibration (read alone). */
const SUMMARY_OMIT = { weights: true, optimizerState: true, calibration: true } as const;

export const checkpointsRepository = (db: Db) => ({
  create: (data: Prisma.CheckpointUncheckedCreateInput) => db.checkpoint.create({ data }),
  findById: (id: string) =>
    db.checkpoint.findUnique({
      where: { id },
      include: { run: { include: { experiment: { include: { dataset: true } } } } },
    }),
  setCalibration: (id: string, calibration: object) =>
    db.checkpoint.update({ where: { id }, data: { calibration }, omit: SUMMARY_OMIT }),
  /** Calibrations by checkpoint id (kept out of summaries: their centroids run to a hundred kilobytes). */
  calibrations: (ids: readonly string[]) =>
    db.checkpoint.findMany({ where: { id: { in: [...ids] } }, select: { id: true, calibration: true } }),
  /** The dataset and base model a checkpoint's run trained on. */
  trainedOn: async (id: string) => {
    const row = await db.checkpoint.findUnique({
      where: { id },
      select: { baseModelId: true, labels: true, run: { select: { experiment: { select: { datasetId: true } } } } },
    });
    return row && { baseModelId: row.baseModelId, labels: row.labels, datasetId: row.run.experiment.datasetId };
  },
  /** The whole checkpoint with its base model, to restore or export it. */
  withBaseModel: (id: string) => db.checkpoint.findUnique({ where: { id }, include: { baseModel: true } }),
  ofRuns: (runIds: readonly string[]) =>
    db.checkpoint.findMany({
      where: { runId: { in: [...runIds] } },
      orderBy: { step: "asc" },
      omit: SUMMARY_OMIT,
    }),
  summaries: (ids: readonly string[]) =>
    db.checkpoint.findMany({ where: { id: { in: [...ids] } }, omit: SUMMARY_OMIT }),
  aliasesOf: (experimentIds: readonly string[]) =>
    db.checkpointAlias.findMany({ where: { experimentId: { in: [...experimentIds] } }, orderBy: { name: "asc" } }),
  deleteOfRun: (runId: string) => db.checkpoint.deleteMany({ where: { runId } }),
  promote: (experimentId: string, name: string, checkpointId: string) =>
    db.checkpointAlias.upsert({
      where: { experimentId_name: { experimentId, name } },
      create: { experimentId, name, checkpointId },
      update: { checkpointId },
    }),
  /** The aliases pointing at any checkpoint of a run. */
  aliasesOfRun: (runId: string) => db.checkpointAlias.findMany({ where: { checkpoint: { runId } } }),
  removeAlias: (experimentId: string, name: string) => db.checkpointAlias.deleteMany({ where: { experimentId, name } }),
  byAlias: (experimentId: string, name: string) =>
    db.checkpointAlias.findUnique({ where: { experimentId_name: { experimentId, name } } }),
  /** A page of a workspace's served predictions, newest first. */
  predictionsPage: async (workspaceId: string, page: PageRequest) =>
    pageRows(
      page,
      await db.prediction.findMany({
        where: { workspaceId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(page),
      }),
    ),
  /** Served predictions, one row each, in one statement. */
  logPredictions: (rows: Prisma.PredictionCreateManyInput[]) => db.prediction.createMany({ data: rows }),
  /** A checkpoint's workspace and `userId`'s role there, in one query (no weights read): predictions' hot path. */
  workspaceOf: async (id: string, userId: string) => {
    const row = await db.checkpoint.findUnique({
      where: { id },
      select: {
        id: true,
        run: { select: { experiment: { select: { dataset: { select: workspaceAndRole(userId) } } } } },
      },
    });
    const dataset = row?.run.experiment.dataset;
    return row && dataset
      ? { checkpointId: row.id, workspaceId: dataset.workspaceId, role: dataset.workspace.memberships[0]?.role ?? null }
      : null;
  },
  /** An experiment's workspace, `userId`'s role there, and the checkpoint an alias points at (null if unset). */
  aliasTarget: async (experimentId: string, alias: string, userId: string) => {
    const row = await db.experiment.findUnique({
      where: { id: experimentId },
      select: {
        dataset: { select: workspaceAndRole(userId) },
        aliases: { where: { name: alias }, select: { checkpointId: true } },
      },
    });
    return row
      ? {
          workspaceId: row.dataset.workspaceId,
          role: row.dataset.workspace.memberships[0]?.role ?? null,
          checkpointId: row.aliases[0]?.checkpointId ?? null,
        }
      : null;
  },
});
