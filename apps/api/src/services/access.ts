import { type Db, type Role, workspacesRepository } from "@retrain/db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../domain/errors.js";
import { type Action, allows, NEEDS } from "../domain/roles.js";

export interface Caller {
  userId: string;
  email: string;
}

export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new UnauthenticatedError();
  return caller;
}

/**
 * Workspace access. Someone outside a workspace gets NOT_FOUND for everything in it, exactly as for an id
 * that does not exist, so ids reveal nothing; a member whose role is too low gets FORBIDDEN.
 */
export function createAccess(db: Db) {
  const workspaces = workspacesRepository(db);
  return {
    async require(caller: Caller | null, workspaceId: string, action: Action, what = "Workspace"): Promise<Role> {
      const { userId } = requireCaller(caller);
      const membership = await workspaces.membership(workspaceId, userId);
      if (!membership) throw new NotFoundError(what);
      if (!allows(membership.role, action)) {
        throw new ForbiddenError(`Your role (${membership.role}) cannot do this; it needs ${NEEDS[action]} or above.`);
      }
      return membership.role;
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
