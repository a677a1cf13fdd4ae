import type { Db } from "../client.js";
import type { Role } from "../generated/prisma/client.js";

export const workspacesRepository = (db: Db) => ({
  createWithOwner: (data: { name: string; slug: string }, ownerId: string) =>
    db.workspace.create({ data: { ...data, memberships: { create: { userId: ownerId, role: "OWNER" } } } }),
  findById: (id: string) => db.workspace.findUnique({ where: { id } }),
  slugExists: async (slug: string) => (await db.workspace.count({ where: { slug } })) > 0,
  listForUser: (userId: string) =>
    db.workspace.findMany({ where: { memberships: { some: { userId } } }, orderBy: { createdAt: "asc" } }),
  membership: (workspaceId: string, userId: string) =>
    db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }),
  membershipsOf: (workspaceIds: readonly string[]) =>
    db.membership.findMany({ where: { workspaceId: { in: [...workspaceIds] } }, orderBy: { createdAt: "asc" } }),
  setRole: (workspaceId: string, userId: string, role: Role) =>
    db.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } }),
  removeMember: (workspaceId: string, userId: string) =>
    db.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } }),
  countOwners: (workspaceId: string) => db.membership.count({ where: { workspaceId, role: "OWNER" } }),

  invite: (data: { workspaceId: string; email: string; role: Role; invitedById: string; expiresAt: Date }) =>
    db.invitation.upsert({
      where: { workspaceId_email: { workspaceId: data.workspaceId, email: data.email } },
      create: data,
      update: { role: data.role, invitedById: data.invitedById, expiresAt: data.expiresAt, acceptedAt: null },
    }),
  invitationsOf: (workspaceIds: readonly string[]) =>
    db.invitation.findMany({
      where: { workspaceId: { in: [...workspaceIds] }, acceptedAt: null },
      orderBy: { createdAt: "asc" },
    }),
  /** Turns the pending, unexpired invitations for an email into memberships (run at sign-in and sign-up). */
  acceptInvitations: (email: string, userId: string) =>
    db.$transaction(async (tx) => {
      const pending = await tx.invitation.findMany({
        where: { email, acceptedAt: null, expiresAt: { gt: new Date() } },
      });
      for (const inv of pending) {
        await tx.membership.upsert({
          where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId } },
          create: { workspaceId: inv.workspaceId, userId, role: inv.role },
          update: {},
        });
        await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date() } });
      }
      return pending;
    }),
});
