import type { Db } from "../client.js";
import { type PageRequest, pageArgs, pageRows } from "./pages.js";

export const commentsRepository = (db: Db) => ({
  create: (data: {
    workspaceId: string;
    authorId: string;
    experimentId: string;
    runId?: string | null;
    body: string;
  }) => db.comment.create({ data }),
  /** A page of an experiment's comments (its runs' included), oldest first. */
  page: async (experimentId: string, page: PageRequest) =>
    pageRows(
      page,
      await db.comment.findMany({
        where: { experimentId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        ...pageArgs(page),
      }),
    ),
  count: (experimentId: string) => db.comment.count({ where: { experimentId } }),
});
