import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";

export const checkpointsRepository = (db: Db) => ({
  create: (data: Prisma.CheckpointUncheckedCreateInput) => db.checkpoint.create({ data }),
  findById: (id: string) =>
    db.checkpoint.findUnique({
      where: { id },
      include: { run: { include: { experiment: { include: { dataset: true } } } } },
    }),
  /** The whole checkpoint with its base model, to restore or export it. */
  withBaseModel: (id: string) => db.checkpoint.findUnique({ where: { id }, include: { baseModel: true } }),
  ofRuns: (runIds: readonly string[]) =>
    db.checkpoint.findMany({
      where: { runId: { in: [...runIds] } },
      orderBy: { step: "asc" },
      omit: { weights: true, optimizerState: true },
    }),
  summaries: (ids: readonly string[]) =>
    db.checkpoint.findMany({ where: { id: { in: [...ids] } }, omit: { weights: true, optimizerState: true } }),
  aliasesOf: (experimentIds: readonly string[]) =>
    db.checkpointAlias.findMany({ where: { experimentId: { in: [...experimentIds] } }, orderBy: { name: "asc" } }),
  deleteOfRun: (runId: string) => db.checkpoint.deleteMany({ where: { runId } }),
  promote: (experimentId: string, name: string, checkpointId: string) =>
    db.checkpointAlias.upsert({
      where: { experimentId_name: { experimentId, name } },
      create: { experimentId, name, checkpointId },
      update: { checkpointId },
    }),
  byAlias: (experimentId: string, name: string) =>
    db.checkpointAlias.findUnique({ where: { experimentId_name: { experimentId, name } } }),
  logPrediction: (data: Prisma.PredictionUncheckedCreateInput) => db.prediction.create({ data }),
});
