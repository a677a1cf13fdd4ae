import { activityRepository, type Db, type Prisma } from "@retrain/db";

/** Whoever acted: a caller, or a user known by id; null for the system. */
type Actor = { userId: string } | null;

/** What was acted on: its type, as the activity feed names it, and its id. */
type Subject = readonly [type: string, id: string];

/**
 * The activity feed's one way in, for every service: who did what to which thing in a workspace. Called after
 * the change itself succeeded (a failed delete records nothing).
 */
export function activityLog(db: Db) {
  const activity = activityRepository(db);
  return {
    record: (
      actor: Actor,
      workspaceId: string,
      verb: string,
      [subjectType, subjectId]: Subject,
      data?: Prisma.InputJsonValue,
    ) => activity.record({ workspaceId, actorId: actor?.userId ?? null, verb, subjectType, subjectId, data }),
  };
}

export type ActivityLog = ReturnType<typeof activityLog>;
