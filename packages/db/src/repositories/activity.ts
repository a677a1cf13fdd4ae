import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { type PageRequest, pageArgs, pageRows } from "./pages.js";

export const activityRepository = (db: Db) => ({
  record: (data: {
    workspaceId: string;
    actorId: string | null;
    verb: string;
    subjectType: string;
    subjectId: string;
    data?: Prisma.InputJsonValue;
  }) => db.activity.create({ data }),
  /** Whether `verb` was recorded on this subject (with this alias, when given) since `since`. */
  recordedSince: async (verb: string, subjectId: string, since: Date, alias?: string) =>
    (await db.activity.count({
      where: {
        verb,
        subjectId,
        createdAt: { gte: since },
        ...(alias ? { data: { path: ["alias"], equals: alias } } : {}),
      },
    })) > 0,
  /** A page of a workspace's activity, newest first. */
  page: async (workspaceId: string, page: PageRequest) =>
    pageRows(
      page,
      await db.activity.findMany({
        where: { workspaceId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(page),
      }),
    ),
});
