import type { Invitation, Membership, Role, Workspace } from "@retrain/db";
import type { Loaders } from "../loaders.js";
import { builder } from "./builder.js";
import { DatasetRef } from "./dataset.js";
import { PermissionsRef } from "./permissions.js";
import { UserRef } from "./user.js";

export const RoleEnum = builder.enumType("Role", {
  description:
    "What a member may do: VIEWER reads and predicts, MEMBER creates and trains, ADMIN and OWNER manage members.",
  values: {
    OWNER: { description: "Everything, including managing other owners." },
    ADMIN: { description: "Manages members and invitations below owner." },
    MEMBER: { description: "Creates datasets, uploads images, runs training." },
    VIEWER: { description: "Reads and predicts." },
  } as const,
});

/** The caller's role in a workspace they can see (a workspace they are not in never reaches a resolver). */
async function myRole(loaders: Loaders, workspaceId: string, userId: string | undefined): Promise<Role> {
  const mine = (await loaders.memberships.load(workspaceId)).find((m) => m.userId === userId);
  return mine?.role ?? "VIEWER";
}

const MemberRef = builder.objectRef<Membership>("Member").implement({
  description: "A person in a workspace, with their role.",
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      description: "The person.",
      resolve: async (m, _a, { loaders }) =>
        (await loaders.user.load(m.userId)) ?? Promise.reject(new Error("member without user")),
    }),
    role: t.field({ type: RoleEnum, description: "Their role.", resolve: (m) => m.role }),
    joinedAt: t.expose("createdAt", { type: "DateTime", description: "When they joined." }),
  }),
});

const InvitationRef = builder.objectRef<Invitation>("Invitation").implement({
  description: "A one-time invitation link to a workspace, taken by whoever opens it signed in, before it expires.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    email: t.exposeString("email", { description: "Whom it was meant for (the link works for whoever holds it)." }),
    role: t.field({ type: RoleEnum, description: "The role they will get.", resolve: (i) => i.role }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "After this it is no longer accepted." }),
  }),
});

const CreatedInvitationRef = builder
  .objectRef<{ invitation: Invitation; token: string }>("CreatedInvitation")
  .implement({
    description: "A new invitation and its link's secret, shown this once only (only a hash is stored).",
    fields: (t) => ({
      invitation: t.field({ type: InvitationRef, description: "The invitation.", resolve: (p) => p.invitation }),
      token: t.exposeString("token", { description: "The link's secret: send /invite/<token> to the person." }),
      path: t.string({
        description: "The dashboard path to send, relative to its address.",
        resolve: (p) => `/invite/${p.token}`,
      }),
    }),
  });

const InvitationPreviewRef = builder.objectRef<Invitation & { workspace: Workspace }>("InvitationPreview").implement({
  description: "What an invitation link offers, for the page that asks to accept it.",
  fields: (t) => ({
    workspaceName: t.string({ description: "The workspace.", resolve: (i) => i.workspace.name }),
    role: t.field({ type: RoleEnum, description: "The role it gives.", resolve: (i) => i.role }),
    email: t.exposeString("email", { description: "Whom it was meant for." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "After this it no longer works." }),
  }),
});

builder.queryField("invitation", (t) =>
  t.field({
    type: InvitationPreviewRef,
    description: "What an invitation link offers (NOT_FOUND once used, expired or revoked). Needs no sign-in.",
    args: { token: t.arg.string({ required: true, description: "The secret from the link." }) },
    resolve: (_r, args, { services }) => services.workspaces.invitation(args.token),
  }),
);

export const WorkspaceRef = builder.objectRef<Workspace>("Workspace").implement({
  description: "A team: its members, datasets, experiments and models.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    name: t.exposeString("name", { description: "Display name." }),
    slug: t.exposeString("slug", { description: "Unique short name." }),
    myRole: t.field({
      type: RoleEnum,
      description: "The signed-in user's role here.",
      resolve: (w, _a, { loaders, caller }) => myRole(loaders, w.id, caller?.userId),
    }),
    myPermissions: t.field({
      type: PermissionsRef,
      description: "What the signed-in user may do here (what their role allows).",
      resolve: (w, _a, { loaders, caller }) => myRole(loaders, w.id, caller?.userId),
    }),
    members: t.field({
      type: [MemberRef],
      description: "Everyone in the workspace.",
      resolve: (w, _a, { loaders }) => loaders.memberships.load(w.id),
    }),
    invitations: t.field({
      type: [InvitationRef],
      description: "Pending invitations.",
      resolve: (w, _a, { loaders }) => loaders.invitations.load(w.id),
    }),
    datasets: t.field({
      type: [DatasetRef],
      description: "The workspace's datasets.",
      resolve: (w, _a, { loaders }) => loaders.datasets.load(w.id),
    }),
  }),
});

builder.queryField("workspaces", (t) =>
  t.field({
    type: [WorkspaceRef],
    description: "The signed-in user's workspaces.",
    resolve: (_r, _a, { services, caller }) => services.workspaces.list(caller),
  }),
);

builder.queryField("workspace", (t) =>
  t.field({
    type: WorkspaceRef,
    description: "One workspace you belong to (NOT_FOUND otherwise).",
    args: { id: t.arg.id({ required: true, description: "Workspace id." }) },
    resolve: (_r, args, { services, caller }) => services.workspaces.get(caller, args.id),
  }),
);

builder.mutationFields((t) => ({
  createWorkspace: t.field({
    type: WorkspaceRef,
    description: "Create a workspace; you become its owner.",
    args: { name: t.arg.string({ required: true, description: "Display name." }) },
    resolve: (_r, args, { services, caller }) => services.workspaces.create(caller, args.name),
  }),
  inviteMember: t.field({
    type: CreatedInvitationRef,
    description:
      "Make a one-time invitation link for someone (OWNER or ADMIN); copy its path and send it. Expires in 14 days.",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      email: t.arg.string({ required: true, description: "Their email." }),
      role: t.arg({ type: RoleEnum, required: true, description: "The role they will get." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.workspaces.invite(caller, args.workspaceId, args.email, args.role),
  }),
  acceptInvitation: t.field({
    type: WorkspaceRef,
    description: "Join the workspace of an invitation link, signed in (NOT_FOUND once used, expired or revoked).",
    args: { token: t.arg.string({ required: true, description: "The secret from the link." }) },
    resolve: (_r, args, { services, caller }) => services.workspaces.acceptInvitation(caller, args.token),
  }),
  revokeInvitation: t.boolean({
    description: "Withdraw a pending invitation; its link stops working (OWNER or ADMIN).",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      id: t.arg.id({ required: true, description: "Invitation id." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.workspaces.revokeInvitation(caller, args.workspaceId, args.id),
  }),
  setMemberRole: t.field({
    type: MemberRef,
    description: "Change a member's role (OWNER or ADMIN; a workspace keeps at least one owner).",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      userId: t.arg.id({ required: true, description: "The member's user id." }),
      role: t.arg({ type: RoleEnum, required: true, description: "The new role." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.workspaces.setRole(caller, args.workspaceId, args.userId, args.role),
  }),
  renameWorkspace: t.field({
    type: WorkspaceRef,
    description: "Rename a workspace (OWNER).",
    args: {
      id: t.arg.id({ required: true, description: "Workspace id." }),
      name: t.arg.string({ required: true, description: "New display name." }),
    },
    resolve: (_r, args, { services, caller }) => services.workspaceHousekeeping.rename(caller, args.id, args.name),
  }),
  deleteWorkspace: t.boolean({
    description: "Delete a workspace and everything in it (OWNER). Irreversible: confirm with its name.",
    args: {
      id: t.arg.id({ required: true, description: "Workspace id." }),
      confirmName: t.arg.string({ required: true, description: "The workspace's name, typed again." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.workspaceHousekeeping.delete(caller, args.id, args.confirmName),
  }),
  leaveWorkspace: t.boolean({
    description: "Leave a workspace (its last owner cannot: CONFLICT).",
    args: { id: t.arg.id({ required: true, description: "Workspace id." }) },
    resolve: (_r, args, { services, caller }) => services.workspaceHousekeeping.leave(caller, args.id),
  }),
  removeMember: t.boolean({
    description: "Remove a member (OWNER or ADMIN).",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      userId: t.arg.id({ required: true, description: "The member's user id." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.workspaces.removeMember(caller, args.workspaceId, args.userId),
  }),
}));
