import type { Role } from "@retrain/db";

/** Roles from least to most powerful; each can do everything the ones before it can. */
const ORDER: Role[] = ["VIEWER", "MEMBER", "ADMIN", "OWNER"];

/** What each action needs: VIEWER reads and predicts, MEMBER creates and trains, ADMIN manages people and deletes, OWNER the workspace. */
export const NEEDS = {
  read: "VIEWER",
  predict: "VIEWER",
  write: "MEMBER",
  train: "MEMBER",
  manageMembers: "ADMIN",
  /** Where the workspace's events are sent (they carry ids and accuracies out of it). */
  manageWebhooks: "ADMIN",
  /** Deleting what others may rely on: experiments, custom base models. */
  destroy: "ADMIN",
  /** Renaming and deleting the workspace itself. */
  manageWorkspace: "OWNER",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof NEEDS;

export function allows(role: Role, action: Action): boolean {
  return ORDER.indexOf(role) >= ORDER.indexOf(NEEDS[action]);
}

export function outranks(a: Role, b: Role): boolean {
  return ORDER.indexOf(a) > ORDER.indexOf(b);
}

/**
 * Whether someone of `inviter`'s role may bring people in with `invited`'s role: admins manage the roles
 * below their own, owners every role. The same rule holds when a link is used as when it was made.
 */
export function mayInvite(inviter: Role | undefined, invited: Role): boolean {
  if (!inviter || !allows(inviter, "manageMembers")) return false;
  return inviter === "OWNER" || outranks(inviter, invited);
}
