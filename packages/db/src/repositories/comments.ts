import type { Db } from "../client.js";

export const commentsRepository = (db: Db) => ({
  create: (data: {
    workspaceId: string;
    authorId: string;
    experimentId: string;
    runId?: string | null;
    body: string;
  }) => db.comment.create({ data }),
  /** Comments of experiments (runId null) or of their runs, oldest first. */
  ofExperiments: (experimentIds: readonly string[]) =>
    db.comment.findMany({ where: { experimentId: { in: [...experimentIds] } }, orderBy: { createdAt: "asc" } }),
});
