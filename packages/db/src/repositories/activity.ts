import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";

export const activityRepository = (db: Db) => ({
  record: (data: {
    workspaceId: string;
    actorId: string | null;
    verb: string;
    subjectType: string;
    subjectId: string;
    data?: Prisma.InputJsonValue;
  }) => db.activity.create({ data }),
  list: (workspaceId: string, take: number) =>
    db.activity.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take }),
});
