import { checkpointsRepository, type Db, type Role, type TokenScope, workspacesRepository } from "@retrain/db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../../domain/errors.js";
import { type Action, allows, NEEDS } from "../../domain/roles.js";
import { sharedInFlight } from "../in-flight.js";

/**
 * Who is asking: a signed-in browser session (everything the user's roles allow), or an API token limited
 * to its scope on top of that.
 */
export interface Caller {
  userId: string;
  email: string;
  scope: TokenScope | "SESSION";
  /** The SHA-256 of the session secret, for a session (so "sign out everywhere else" can keep it). */
  sessionHash?: string;
  /** For an API token: its id and expiry, so a token it makes never outlives it. */
  token?: { id: string; expiresAt: Date | null };
}

/** What each kind of credential may do, whatever the role: a PREDICT token predicts and nothing else. */
const SCOPE_ALLOWS: Record<Caller["scope"], readonly Action[] | "all"> = {
  SESSION: "all",
  WRITE: "all",
  READ: ["read"],
  PREDICT: ["predict"],
};

export function scopeAllows(scope: Caller["scope"], action: Action): boolean {
  const allowed = SCOPE_ALLOWS[scope];
  return allowed === "all" || allowed.includes(action);
}

/** The caller, signed in and holding a credential whose scope allows `action` (reading, by default). */
export function requireCaller(caller: Caller | null, action: Action = "read"): Caller {
  if (!caller) throw new UnauthenticatedError();
  if (!scopeAllows(caller.scope, action))
    throw new ForbiddenError(`This API token's scope (${caller.scope}) does not allow this; it needs ${action}.`);
  return caller;
}

/**
 * Workspace access. Someone outside a workspace gets NOT_FOUND for everything in it, exactly as for an id
 * that does not exist, so ids reveal nothing; a member whose role is too low gets FORBIDDEN.
 */
/** The rule itself, for a role already read: NOT_FOUND for no membership, FORBIDDEN for too low a role. */
export function checkRole(role: Role | null | undefined, action: Action, what = "Workspace"): Role {
  if (!role) throw new NotFoundError(what);
  if (!allows(role, action))
    throw new ForbiddenError(`Your role (${role}) cannot do this; it needs ${NEEDS[action]} or above.`);
  return role;
}

export function createAccess(db: Db) {
  const workspaces = workspacesRepository(db);
  const checkpoints = checkpointsRepository(db);
  // Live updates check every subscriber's membership at once: one query per member and workspace.
  const memberships = sharedInFlight<Awaited<ReturnType<typeof workspaces.membership>>>();
  async function require(caller: Caller | null, workspaceId: string, action: Action, what = "Workspace") {
    const { userId } = requireCaller(caller, action);
    const membership = await memberships(`${userId}:${workspaceId}`, () => workspaces.membership(workspaceId, userId));
    return checkRole(membership?.role, action, what);
  }
  return {
    require,
    /** A checkpoint with its run, experiment and dataset, if the caller may do `action` in its workspace. */
    async checkpointFor(caller: Caller | null, checkpointId: string, action: Action) {
      const checkpoint = await checkpoints.findById(checkpointId);
      if (!checkpoint) throw new NotFoundError("Checkpoint");
      await require(caller, checkpoint.run.experiment.dataset.workspaceId, action, "Checkpoint");
      return checkpoint;
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
