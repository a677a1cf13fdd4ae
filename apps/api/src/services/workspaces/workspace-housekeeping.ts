import { baseModelsRepository, type Db, workspacesRepository } from "@retrain/db";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { requireName } from "../../domain/validate.js";
import { dropCachedModelFiles } from "../base-models/cached-model-files.js";
import { type Access, type Caller, requireCaller } from "./access.js";
import { activityLog } from "./activity-log.js";

/** Renaming, deleting and leaving workspaces. */
export function createWorkspaceHousekeeping(db: Db, access: Access, modelCacheDir: string) {
  const workspaces = workspacesRepository(db);
  const log = activityLog(db);

  return {
    async rename(caller: Caller | null, workspaceId: string, name: string) {
      await access.require(caller, workspaceId, "manageWorkspace");
      const workspace = await workspaces.rename(workspaceId, requireName("name", name));
      await log.record(caller, workspaceId, "workspace.renamed", ["Workspace", workspaceId], { name: workspace.name });
      return workspace;
    },

    /**
     * Deletes a workspace with everything in it (owners only). The caller types its name to confirm, as
     * the dashboard asks, so a script's wrong id cannot do it by accident. Its custom base models' files go too.
     */
    async delete(caller: Caller | null, workspaceId: string, confirmName: string) {
      await access.require(caller, workspaceId, "manageWorkspace");
      const workspace = await workspaces.findById(workspaceId);
      if (!workspace) throw new NotFoundError("Workspace");
      if (confirmName !== workspace.name)
        throw new ValidationError("confirmName", `Type the workspace's name, ${workspace.name}, to delete it.`);
      const own = (await baseModelsRepository(db).listVisible([workspaceId])).filter((m) => m.workspaceId);
      await workspaces.delete(workspaceId);
      for (const model of own) await dropCachedModelFiles(db, model, modelCacheDir);
      return true;
    },

    /** Leaves a workspace; its last owner cannot (make another owner first, or delete it). */
    async leave(caller: Caller | null, workspaceId: string) {
      await access.require(caller, workspaceId, "read");
      const { userId } = requireCaller(caller, "write");
      const changed = await workspaces.changeMembership(workspaceId, userId, "remove");
      if (changed.outcome === "not-found") throw new NotFoundError("Workspace");
      if (changed.outcome === "last-owner")
        throw new ConflictError("You are its last owner: make someone else an owner, or delete the workspace.");
      // Links they made die with their membership (they are checked again when used, too).
      await workspaces.deleteInvitations((await workspaces.pendingInvitationsBy(workspaceId, userId)).map((i) => i.id));
      await log.record({ userId }, workspaceId, "member.left", ["User", userId]);
      return true;
    },
  };
}

export type WorkspaceHousekeeping = ReturnType<typeof createWorkspaceHousekeeping>;
