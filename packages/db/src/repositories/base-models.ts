import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";

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
  create: (data: Prisma.BaseModelUncheckedCreateInput) => db.baseModel.create({ data }),
  setWeightsHash: (id: string, weightsHash: string) => db.baseModel.update({ where: { id }, data: { weightsHash } }),
});
