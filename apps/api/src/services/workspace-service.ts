import { activityRepository, type Db, type Role, usersRepository, workspacesRepository } from "@retrain/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { outranks } from "../domain/roles.js";
import { requireEmail, requireName } from "../domain/validate.js";
import { type Access, type Caller, requireCaller } from "./access.js";

const INVITATION_DAYS = 14;

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "workspace"
  );
}

export function createWorkspaceService(db: Db, access: Access) {
  const workspaces = workspacesRepository(db);
  const users = usersRepository(db);
  const activity = activityRepository(db);

  /** Admins manage members below their own rank; only owners touch owners. */
  async function requireManager(caller: Caller | null, workspaceId: string, targetRole: Role) {
    const role = await access.require(caller, workspaceId, "manageMembers");
    if (role !== "OWNER" && !outranks(role, targetRole)) {
      throw new ForbiddenError(`A ${role} cannot manage ${targetRole} members.`);
    }
    return requireCaller(caller);
  }

  return {
    async create(caller: Caller | null, name: string) {
      const { userId } = requireCaller(caller);
      const clean = requireName("name", name);
      let slug = slugify(clean);
      for (let i = 2; await workspaces.slugExists(slug); i++) slug = `${slugify(clean)}-${i}`;
      const workspace = await workspaces.createWithOwner({ name: clean, slug }, userId);
      await activity.record({
        workspaceId: workspace.id,
        actorId: userId,
        verb: "workspace.created",
        subjectType: "Workspace",
        subjectId: workspace.id,
      });
      return workspace;
    },

    list: (caller: Caller | null) => workspaces.listForUser(requireCaller(caller).userId),

    async get(caller: Caller | null, id: string) {
      await access.require(caller, id, "read");
      return (await workspaces.findById(id)) ?? Promise.reject(new NotFoundError("Workspace"));
    },

    async invite(caller: Caller | null, workspaceId: string, emailInput: string, role: Role) {
      const { userId } = await requireManager(caller, workspaceId, role);
      const email = requireEmail("email", emailInput);
      const existing = await users.findByEmail(email);
      if (existing && (await workspaces.membership(workspaceId, existing.id))) {
        throw new ConflictError(`${email} is a member already.`);
      }
      const invitation = await workspaces.invite({
        workspaceId,
        email,
        role,
        invitedById: userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      await activity.record({
        workspaceId,
        actorId: userId,
        verb: "member.invited",
        subjectType: "Invitation",
        subjectId: invitation.id,
        data: { email, role },
      });
      return invitation;
    },

    async setRole(caller: Caller | null, workspaceId: string, memberId: string, role: Role) {
      const member = await workspaces.membership(workspaceId, memberId);
      if (!member) {
        await access.require(caller, workspaceId, "read");
        throw new NotFoundError("Member");
      }
      const { userId } = await requireManager(caller, workspaceId, outranks(role, member.role) ? role : member.role);
      if (member.role === "OWNER" && role !== "OWNER" && (await workspaces.countOwners(workspaceId)) === 1) {
        throw new ValidationError("role", "A workspace keeps at least one owner.");
      }
      const updated = await workspaces.setRole(workspaceId, memberId, role);
      await activity.record({
        workspaceId,
        actorId: userId,
        verb: "member.role_changed",
        subjectType: "User",
        subjectId: memberId,
        data: { role },
      });
      return updated;
    },

    async removeMember(caller: Caller | null, workspaceId: string, memberId: string) {
      const member = await workspaces.membership(workspaceId, memberId);
      if (!member) {
        await access.require(caller, workspaceId, "read");
        throw new NotFoundError("Member");
      }
      const { userId } = await requireManager(caller, workspaceId, member.role);
      if (member.role === "OWNER" && (await workspaces.countOwners(workspaceId)) === 1) {
        throw new ValidationError("memberId", "A workspace keeps at least one owner.");
      }
      await workspaces.removeMember(workspaceId, memberId);
      await activity.record({
        workspaceId,
        actorId: userId,
        verb: "member.removed",
        subjectType: "User",
        subjectId: memberId,
      });
      return true;
    },

    async activity(caller: Caller | null, workspaceId: string, take: number) {
      await access.require(caller, workspaceId, "read");
      return activity.list(workspaceId, Math.min(Math.max(take, 1), 200));
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
