import type { StoredEvaluation } from "@retrain/engine/records";
import type { Db } from "../client.js";
import { Prisma, type RunStatus } from "../generated/prisma/client.js";
import { type PageRequest, pageArgs, pageRows } from "./pages.js";
import { ACTIVE_RUN_STATUSES } from "./run-statuses.js";

export const experimentsRepository = (db: Db) => ({
  create: (data: Prisma.ExperimentUncheckedCreateInput) => db.experiment.create({ data }),
  update: (id: string, data: { name?: string; description?: string }) => db.experiment.update({ where: { id }, data }),
  /** Deletes an experiment with its runs, checkpoints, aliases and comments. */
  delete: (id: string) => db.experiment.delete({ where: { id } }),
  /** Runs of an experiment still queued or under way. */
  activeRunCount: (experimentId: string) =>
    db.trainingRun.count({ where: { experimentId, status: { in: [...ACTIVE_RUN_STATUSES] } } }),
  /** Deletes a run with its epochs, checkpoints and jobs. */
  deleteRun: (id: string) => db.trainingRun.delete({ where: { id } }),
  findById: (id: string) => db.experiment.findUnique({ where: { id }, include: { dataset: true } }),
  /** A page of a workspace's experiments, newest first. */
  pageOfWorkspace: async (workspaceId: string, page: PageRequest) =>
    pageRows(
      page,
      await db.experiment.findMany({
        where: { dataset: { workspaceId } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(page),
      }),
    ),
  countOfWorkspace: (workspaceId: string) => db.experiment.count({ where: { dataset: { workspaceId } } }),
  listByDatasets: (datasetIds: readonly string[]) =>
    db.experiment.findMany({ where: { datasetId: { in: [...datasetIds] } }, orderBy: { createdAt: "asc" } }),

  createRun: (data: Prisma.TrainingRunUncheckedCreateInput) => db.trainingRun.create({ data }),
  findRun: (id: string) =>
    db.trainingRun.findUnique({ where: { id }, include: { experiment: { include: { dataset: true } } } }),
  /** A user's runs in a workspace queued since `since`, newest first (the dashboard tells them when one ends). */
  recentRunsBy: (workspaceId: string, userId: string, since: Date) =>
    db.trainingRun.findMany({
      where: { createdById: userId, queuedAt: { gte: since }, experiment: { dataset: { workspaceId } } },
      orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
      take: 20,
    }),
  runsOf: (experimentIds: readonly string[]) =>
    db.trainingRun.findMany({ where: { experimentId: { in: [...experimentIds] } }, orderBy: { queuedAt: "asc" } }),
  /** A page of an experiment's runs, oldest first (so they line up as they were started). */
  runsPage: async (experimentId: string, page: PageRequest) =>
    pageRows(
      page,
      await db.trainingRun.findMany({
        where: { experimentId },
        orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
        ...pageArgs(page),
      }),
    ),
  countRuns: (experimentId: string) => db.trainingRun.count({ where: { experimentId } }),
  setRunStatus: (id: string, status: RunStatus, data: Prisma.TrainingRunUncheckedUpdateInput = {}) =>
    db.trainingRun.update({ where: { id }, data: { status, ...data } }),
  /** Moves a run on unless it was cancelled meanwhile; false tells the worker to stop. */
  advanceRun: async (
    id: string,
    status: RunStatus,
    {
      evaluation,
      ...data
    }: Omit<Prisma.TrainingRunUncheckedUpdateInput, "evaluation"> & {
      evaluation?: StoredEvaluation | null;
    } = {},
  ) =>
    (
      await db.trainingRun.updateMany({
        where: { id, status: { not: "CANCELLED" } },
        // A run without an evaluation (no test or validation images) stores SQL NULL, as one never evaluated.
        data: {
          status,
          ...data,
          ...(evaluation !== undefined ? { evaluation: evaluation ?? Prisma.DbNull } : {}),
        },
      })
    ).count === 1,
  /** Runs not ended and queued before `before` that have no training job waiting or running (a lost write). */
  unfinishedRunsWithoutJob: async (before: Date) =>
    (
      await db.trainingRun.findMany({
        where: {
          status: { in: [...ACTIVE_RUN_STATUSES] },
          queuedAt: { lt: before },
          jobs: { none: { kind: "TRAIN", finishedAt: null } },
        },
        select: { id: true, experiment: { select: { dataset: { select: { workspaceId: true } } } } },
        take: 100,
      })
    ).map((r) => ({ id: r.id, workspaceId: r.experiment.dataset.workspaceId })),
  /** Cancels a run that has not ended; false when it already had. */
  cancelRun: async (id: string) =>
    (
      await db.trainingRun.updateMany({
        where: { id, status: { in: [...ACTIVE_RUN_STATUSES] } },
        data: { status: "CANCELLED", finishedAt: new Date() },
      })
    ).count === 1,
  isCancelled: async (id: string) =>
    (await db.trainingRun.findUnique({ where: { id }, select: { status: true } }))?.status === "CANCELLED",
  /** Idempotent per (run, epoch): a retried run overwrites the epochs it trains again. */
  saveEpoch: (
    runId: string,
    m: {
      epoch: number;
      trainLoss: number;
      trainAccuracy: number;
      validationLoss?: number;
      validationAccuracy?: number;
    },
  ) => db.epochMetric.upsert({ where: { runId_epoch: { runId, epoch: m.epoch } }, create: { runId, ...m }, update: m }),
  clearEpochs: (runId: string) => db.epochMetric.deleteMany({ where: { runId } }),
  epochsOf: (runIds: readonly string[]) =>
    db.epochMetric.findMany({ where: { runId: { in: [...runIds] } }, orderBy: [{ runId: "asc" }, { epoch: "asc" }] }),

  /** Vectors with their image's label and split, for training; images without a label are left out. */
  /** The labelled images that have a vector for the base model: what a run trains on (no vectors read). */
  trainingImages: (datasetId: string, baseModelId: string) =>
    db.image.findMany({
      where: { datasetId, labelId: { not: null }, bottlenecks: { some: { baseModelId, variant: "original" } } },
      select: { id: true, originalName: true, split: true, labelId: true },
    }),
});
