import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { bytesColumns, bytesOf } from "./blob-storage.js";

export const baseModelsRepository = (db: Db) => ({
  /** Catalog entries are rows too (bottlenecks and experiments point at them); kept in step with the code. */
  upsertCatalog: (rows: Prisma.BaseModelCreateInput[]) =>
    db.$transaction(
      rows.map((row) =>
        db.baseModel.upsert({ where: { key: row.key }, create: row, update: { ...row, weightsHash: undefined } }),
      ),
    ),
  listVisible: (workspaceIds: readonly string[]) =>
    db.baseModel.findMany({
      where: { OR: [{ workspaceId: null }, { workspaceId: { in: [...workspaceIds] } }] },
      orderBy: { createdAt: "asc" },
    }),
  findByKey: (key: string) => db.baseModel.findUnique({ where: { key } }),
  findById: (id: string) => db.baseModel.findUnique({ where: { id } }),
  findManyByIds: (ids: readonly string[]) => db.baseModel.findMany({ where: { id: { in: [...ids] } } }),
  create: (data: Prisma.BaseModelUncheckedCreateInput) => db.baseModel.create({ data }),
  /** An uploaded model's files with their bytes, to write into a model cache. */
  filesOf: async (baseModelId: string) => {
    const files = await db.baseModelFile.findMany({
      where: { baseModelId },
      select: { path: true, blob: { select: bytesColumns } },
    });
    return Promise.all(files.map(async (f) => ({ path: f.path, bytes: await bytesOf(db, f.blob) })));
  },
  /** The content hashes of a model's uploaded files (not their bytes). */
  fileHashes: async (baseModelId: string) =>
    (await db.baseModelFile.findMany({ where: { baseModelId }, select: { sha256: true } })).map((f) => f.sha256),
  addFiles: (baseModelId: string, files: { path: string; sha256: string }[]) =>
    db.baseModelFile.createMany({ data: files.map((f) => ({ baseModelId, ...f })) }),
  delete: (id: string) => db.baseModel.delete({ where: { id } }),
  /** Experiments built on a base model (a model in use is not deleted). */
  experimentCount: (id: string) => db.experiment.count({ where: { baseModelId: id } }),
  countBySource: (sourceUrl: string) => db.baseModel.count({ where: { sourceUrl } }),
  /** What loading the model taught: its format, input size, vector length and weights. */
  describeLoaded: (
    id: string,
    data: Pick<Prisma.BaseModelUpdateInput, "format" | "inputWidth" | "inputHeight" | "featureDim" | "weightsHash">,
  ) => db.baseModel.update({ where: { id }, data }),
  setWeightsHash: (id: string, weightsHash: string) => db.baseModel.update({ where: { id }, data: { weightsHash } }),
  /** Records why the model does not convert to ONNX (null: it does), as the worker or an export found out. */
  setOnnxUnsupported: (id: string, onnxUnsupported: string | null) =>
    db.baseModel.update({ where: { id }, data: { onnxUnsupported } }),
});
