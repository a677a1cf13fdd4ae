import type { Db } from "../client.js";
import type { Role } from "../generated/prisma/client.js";
import { deleteUnusedBlobsAmong } from "./blob-sweep.js";

export const workspacesRepository = (db: Db) => ({
  createWithOwner: (data: { name: string; slug: string }, ownerId: string) =>
    db.workspace.create({ data: { ...data, memberships: { create: { userId: ownerId, role: "OWNER" } } } }),
  findById: (id: string) => db.workspace.findUnique({ where: { id } }),
  rename: (id: string, name: string) => db.workspace.update({ where: { id }, data: { name } }),
  /**
   * Deletes a workspace and everything in it. Its datasets go first (their experiments, runs and checkpoints
   * with them), so no checkpoint still points at a custom base model when the workspace's models go. Then the
   * bytes only it used: its images', its uploaded models' files, its kept served images.
   */
  delete: async (id: string) => {
    const [images, modelFiles, kept] = await Promise.all([
      db.image.findMany({ where: { dataset: { workspaceId: id } }, select: { sha256: true } }),
      db.baseModelFile.findMany({ where: { baseModel: { workspaceId: id } }, select: { sha256: true } }),
      db.prediction.findMany({ where: { workspaceId: id, keptSha256: { not: null } }, select: { keptSha256: true } }),
    ]);
    await db.$transaction(async (tx) => {
      await tx.dataset.deleteMany({ where: { workspaceId: id } });
      await tx.workspace.delete({ where: { id } });
    });
    const hashes = [...images, ...modelFiles].map((b) => b.sha256);
    await deleteUnusedBlobsAmong(db, [...new Set([...hashes, ...kept.flatMap((p) => p.keptSha256 ?? [])])]);
  },
  /** Workspaces where `userId` is the only owner, with how many members each has. */
  ownedAlone: async (userId: string) => {
    const owned = await db.workspace.findMany({
      where: { memberships: { some: { userId, role: "OWNER" } } },
      include: { memberships: { select: { userId: true, role: true } } },
    });
    return owned
      .filter((w) => w.memberships.filter((m) => m.role === "OWNER").length === 1)
      .map((w) => ({ id: w.id, name: w.name, members: w.memberships.length }));
  },
  slugExists: async (slug: string) => (await db.workspace.count({ where: { slug } })) > 0,
  listForUser: (userId: string) =>
    db.workspace.findMany({ where: { memberships: { some: { userId } } }, orderBy: { createdAt: "asc" } }),
  membership: (workspaceId: string, userId: string) =>
    db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }),
  membershipsOf: (workspaceIds: readonly string[]) =>
    db.membership.findMany({ where: { workspaceId: { in: [...workspaceIds] } }, orderBy: { createdAt: "asc" } }),
  /**
   * Changes or removes a membership unless that would leave the workspace without an owner. The workspace
   * row is locked first, so two concurrent requests (two owners demoting each other) run one after the other
   * and the second sees the first's change.
   */
  changeMembership: (workspaceId: string, userId: string, change: { role: Role } | "remove") =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
      const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
      if (!member) return { outcome: "not-found" as const };
      const losesOwner = member.role === "OWNER" && (change === "remove" || change.role !== "OWNER");
      if (losesOwner && (await tx.membership.count({ where: { workspaceId, role: "OWNER" } })) === 1)
        return { outcome: "last-owner" as const };
      if (change === "remove") {
        await tx.membership.delete({ where: { id: member.id } });
        return { outcome: "done" as const, membership: member };
      }
      const updated = await tx.membership.update({ where: { id: member.id }, data: { role: change.role } });
      return { outcome: "done" as const, membership: updated };
    }),

  /** One pending invitation per address and workspace: inviting again replaces its link, role and expiry. */
  invite: (data: {
    workspaceId: string;
    email: string;
    role: Role;
    invitedById: string;
    tokenHash: string;
    expiresAt: Date;
  }) =>
    db.invitation.upsert({
      where: { workspaceId_email: { workspaceId: data.workspaceId, email: data.email } },
      create: data,
      update: {
        role: data.role,
        invitedById: data.invitedById,
        tokenHash: data.tokenHash,
        expiresAt: data.expiresAt,
        acceptedAt: null,
        acceptedById: null,
      },
    }),
  invitationsOf: (workspaceIds: readonly string[]) =>
    db.invitation.findMany({
      where: { workspaceId: { in: [...workspaceIds] }, acceptedAt: null },
      orderBy: { createdAt: "asc" },
    }),
  findInvitation: (tokenHash: string) =>
    db.invitation.findUnique({ where: { tokenHash }, include: { workspace: true } }),
  deleteInvitation: (workspaceId: string, id: string) =>
    db.invitation.deleteMany({ where: { id, workspaceId, acceptedAt: null } }),
  /** The inviter's role in the invitation's workspace now (undefined: no longer a member). */
  inviterRole: async (invitation: { workspaceId: string; invitedById: string }) =>
    (
      await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: invitation.invitedById } },
      })
    )?.role,
  /** Pending, unexpired invitations for an address (single sign-on may then create its account). */
  pendingInvitationsFor: (email: string) =>
    db.invitation.findMany({ where: { email, acceptedAt: null, expiresAt: { gt: new Date() } } }),
  /** Pending invitations someone made in a workspace, to drop those they may no longer make. */
  pendingInvitationsBy: (workspaceId: string, invitedById: string) =>
    db.invitation.findMany({ where: { workspaceId, invitedById, acceptedAt: null } }),
  deleteInvitations: (ids: readonly string[]) => db.invitation.deleteMany({ where: { id: { in: [...ids] } } }),
  /**
   * Takes a pending, unexpired invitation once: marking it accepted and adding the membership happen in one
   * transaction, and a second taker (or a second click) finds it accepted already. The link dies instead when
   * its inviter could not make it now (gone from the workspace, or demoted): `inviterMayInvite` decides, on
   * the inviter's role read in the same transaction. Null when it cannot be taken.
   */
  acceptInvitation: (
    tokenHash: string,
    userId: string,
    inviterMayInvite: (inviterRole: Role | undefined, invited: Role) => boolean,
  ) =>
    db.$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({ where: { tokenHash } });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
      const inviter = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: invitation.invitedById } },
      });
      if (!inviterMayInvite(inviter?.role, invitation.role)) {
        await tx.invitation.delete({ where: { id: invitation.id } });
        return null;
      }
      const taken = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: new Date(), acceptedById: userId },
      });
      if (taken.count === 0) return null;
      // Someone already in the workspace keeps their role: an invitation never demotes.
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
        create: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
        update: {},
      });
      return invitation;
    }),
});
