import {
  activityRepository,
  type Db,
  type PageRequest,
  type Role,
  usersRepository,
  workspacesRepository,
} from "@retrain/db";
import { hashSecret, newSecret } from "../../auth/secrets.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { mayInvite, outranks } from "../../domain/roles.js";
import { requireEmail, requireName } from "../../domain/validate.js";
import { type Access, type Caller, requireCaller } from "./access.js";
import { activityLog } from "./activity-log.js";

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
  const log = activityLog(db);

  /** Admins manage members below their own rank; only owners touch owners. */
  async function requireManager(caller: Caller | null, workspaceId: string, targetRole: Role) {
    const role = await access.require(caller, workspaceId, "manageMembers");
    if (!mayInvite(role, targetRole)) {
      throw new ForbiddenError(`A ${role} cannot manage ${targetRole} members.`);
    }
    return requireCaller(caller);
  }

  /**
   * Someone's pending links stop working once they could not make them any more: they left or were removed
   * (`role` undefined), or were demoted below what a link grants.
   */
  async function dropInvitationsBeyond(workspaceId: string, userId: string, role: Role | undefined) {
    const pending = await workspaces.pendingInvitationsBy(workspaceId, userId);
    const dead = pending.filter((i) => !mayInvite(role, i.role)).map((i) => i.id);
    if (dead.length) await workspaces.deleteInvitations(dead);
  }

  return {
    async create(caller: Caller | null, name: string) {
      const { userId } = requireCaller(caller, "write");
      const clean = requireName("name", name);
      let slug = slugify(clean);
      for (let i = 2; await workspaces.slugExists(slug); i++) slug = `${slugify(clean)}-${i}`;
      const workspace = await workspaces.createWithOwner({ name: clean, slug }, userId);
      await log.record({ userId }, workspace.id, "workspace.created", ["Workspace", workspace.id]);
      return workspace;
    },

    list: (caller: Caller | null) => workspaces.listForUser(requireCaller(caller).userId),

    async get(caller: Caller | null, id: string) {
      await access.require(caller, id, "read");
      return (await workspaces.findById(id)) ?? Promise.reject(new NotFoundError("Workspace"));
    },

    /**
     * An invitation is a one-time link: a random secret (only its hash is stored) that the inviter copies and
     * sends. Whoever opens it and is signed in may accept it, once, before it expires; signing up with the
     * invited address alone joins nothing.
     */
    async invite(caller: Caller | null, workspaceId: string, emailInput: string, role: Role) {
      const { userId } = await requireManager(caller, workspaceId, role);
      const email = requireEmail("email", emailInput);
      const existing = await users.findByEmail(email);
      if (existing && (await workspaces.membership(workspaceId, existing.id))) {
        throw new ConflictError(`${email} is a member already.`);
      }
      const { secret, hash } = newSecret("rsi_");
      const invitation = await workspaces.invite({
        workspaceId,
        email,
        role,
        invitedById: userId,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      await log.record({ userId }, workspaceId, "member.invited", ["Invitation", invitation.id], { email, role });
      return { invitation, token: secret };
    },

    /**
     * What a link invites to, for the page that asks to accept it (and for sign-up by invitation); NOT_FOUND
     * once used, expired or revoked, or when its inviter could no longer make it.
     */
    async invitation(token: string) {
      const found = token.length <= 200 ? await workspaces.findInvitation(hashSecret(token)) : null;
      if (
        !found ||
        found.acceptedAt ||
        found.expiresAt < new Date() ||
        !mayInvite(await workspaces.inviterRole(found), found.role)
      )
        throw new NotFoundError("Invitation");
      return found;
    },

    async acceptInvitation(caller: Caller | null, token: string) {
      const { userId } = requireCaller(caller, "write");
      const taken =
        token.length <= 200 ? await workspaces.acceptInvitation(hashSecret(token), userId, mayInvite) : null;
      if (!taken) throw new NotFoundError("Invitation");
      await log.record({ userId }, taken.workspaceId, "member.joined", ["User", userId], { role: taken.role });
      return (await workspaces.findById(taken.workspaceId)) ?? Promise.reject(new NotFoundError("Workspace"));
    },

    async revokeInvitation(caller: Caller | null, workspaceId: string, invitationId: string) {
      const { userId } = await requireManager(caller, workspaceId, "VIEWER");
      const { count } = await workspaces.deleteInvitation(workspaceId, invitationId);
      if (count === 0) throw new NotFoundError("Invitation");
      await log.record({ userId }, workspaceId, "invitation.revoked", ["Invitation", invitationId]);
      return true;
    },

    async setRole(caller: Caller | null, workspaceId: string, memberId: string, role: Role) {
      const member = await workspaces.membership(workspaceId, memberId);
      if (!member) {
        await access.require(caller, workspaceId, "read");
        throw new NotFoundError("Member");
      }
      const { userId } = await requireManager(caller, workspaceId, outranks(role, member.role) ? role : member.role);
      const changed = await workspaces.changeMembership(workspaceId, memberId, { role });
      if (changed.outcome === "not-found") throw new NotFoundError("Member");
      if (changed.outcome === "last-owner") throw new ValidationError("role", "A workspace keeps at least one owner.");
      await dropInvitationsBeyond(workspaceId, memberId, role);
      await log.record({ userId }, workspaceId, "member.role_changed", ["User", memberId], { role });
      return changed.membership;
    },

    async removeMember(caller: Caller | null, workspaceId: string, memberId: string) {
      const member = await workspaces.membership(workspaceId, memberId);
      if (!member) {
        await access.require(caller, workspaceId, "read");
        throw new NotFoundError("Member");
      }
      const { userId } = await requireManager(caller, workspaceId, member.role);
      const changed = await workspaces.changeMembership(workspaceId, memberId, "remove");
      if (changed.outcome === "not-found") throw new NotFoundError("Member");
      if (changed.outcome === "last-owner")
        throw new ValidationError("memberId", "A workspace keeps at least one owner.");
      await dropInvitationsBeyond(workspaceId, memberId, undefined);
      await log.record({ userId }, workspaceId, "member.removed", ["User", memberId]);
      return true;
    },

    dropInvitationsBeyond,

    async activity(caller: Caller | null, workspaceId: string, page: PageRequest) {
      await access.require(caller, workspaceId, "read");
      return activity.page(workspaceId, page);
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
