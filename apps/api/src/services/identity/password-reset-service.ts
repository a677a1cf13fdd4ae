import { credentialsRepository, type Db, usersRepository, workspacesRepository } from "@retrain/db";
import type { Mailer } from "../../auth/mailer.js";
import type { PasswordHasher } from "../../auth/passwords.js";
import type { AuthLimits } from "../../auth/rate-limits.js";
import { hashSecret, newSecret } from "../../auth/secrets.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { mayInvite } from "../../domain/roles.js";
import { requireEmail, requirePassword } from "../../domain/validate.js";
import { log as logger } from "../../observability/log.js";
import { type Access, type Caller, requireCaller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import type { RequestOrigin } from "./auth-service.js";

const RESET_HOURS = 24;

export interface PasswordResetOptions {
  /** Sends links by e-mail when SMTP is set up; without it, only owners and admins make links. */
  mailer: Mailer | null;
  /** Where users reach the dashboard, for the links in e-mails. */
  dashboardUrl: string;
}

/**
 * Password resets without e-mail: an owner or admin makes a one-time link for a member and hands it over
 * (shown once, hashed at rest, 24 h, single use; using it ends all the member's sessions). With SMTP set, a
 * person may also ask for one by e-mail, answered the same whether or not the address has an account.
 */
export function createPasswordResetService(
  db: Db,
  access: Access,
  passwords: PasswordHasher,
  limits: AuthLimits,
  options: PasswordResetOptions,
) {
  const credentials = credentialsRepository(db);
  const workspaces = workspacesRepository(db);
  const users = usersRepository(db);
  const log = activityLog(db);

  async function newLink(userId: string, createdById: string | null) {
    const { secret, hash } = newSecret("rsr_");
    const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000);
    await credentials.createPasswordReset({ userId, tokenHash: hash, createdById, expiresAt });
    return { token: secret, path: `/reset/${secret}`, expiresAt };
  }

  /**
   * A link resets the account everywhere, so its maker must manage the member in every workspace the member
   * is in: an admin of one team must not take over someone who owns another.
   */
  async function requireAuthorityOver(callerId: string, memberId: string) {
    const theirs = await workspaces.listForUser(memberId);
    for (const workspace of theirs) {
      const [mine, member] = await Promise.all([
        workspaces.membership(workspace.id, callerId),
        workspaces.membership(workspace.id, memberId),
      ]);
      if (!member || !mayInvite(mine?.role, member.role))
        throw new ForbiddenError(
          "This member is also in a workspace where you do not manage them: ask an owner there, or the administrator.",
        );
    }
  }

  return {
    /** Whether people may ask for a link by e-mail. */
    byEmail: options.mailer !== null,

    /** A one-time reset link for a member of the workspace, made by its owner or an admin above them. */
    async createLink(caller: Caller | null, workspaceId: string, memberId: string) {
      await access.require(caller, workspaceId, "manageMembers");
      const { userId } = requireCaller(caller, "write");
      if (!(await workspaces.membership(workspaceId, memberId))) throw new NotFoundError("Member");
      if (memberId === userId)
        throw new ValidationError("memberId", "Change your own password from your account page instead.");
      await requireAuthorityOver(userId, memberId);
      const link = await newLink(memberId, userId);
      await log.record({ userId }, workspaceId, "member.reset_link_created", ["User", memberId]);
      return link;
    },

    /** Asks for a link by e-mail: the same answer, whether or not the address has an account. */
    async requestByEmail(emailInput: string, origin: RequestOrigin) {
      if (!options.mailer)
        throw new ValidationError(
          "email",
          "Password resets by e-mail are not set up here: ask an owner or admin of your workspace for a reset link.",
        );
      const email = requireEmail("email", emailInput);
      await limits.resetRequest(origin.address, email);
      const user = await users.findByEmail(email);
      if (user) {
        const link = await newLink(user.id, null);
        const url = new URL(link.path, options.dashboardUrl).toString();
        // Not awaited: the answer must not take longer when the address exists.
        void options.mailer
          .send({
            to: email,
            subject: "Reset your Retrain Studio password",
            text: `Someone asked to reset the password of ${email}.\n\nOpen this link within ${RESET_HOURS} hours to choose a new one (it works once):\n${url}\n\nIf it was not you, ignore this message.`,
          })
          .catch((error: unknown) => logger.error({ err: error }, "password reset e-mail not sent"));
      }
      return true;
    },

    /** Sets a new password with a link: once, before it expires; every session of the account ends. */
    async reset(token: string, newPassword: string) {
      const password = requirePassword("newPassword", newPassword);
      const dead = new ValidationError("token", "This reset link is used or expired: ask for a new one.");
      const tokenHash = hashSecret(token.slice(0, 200));
      // Checked before hashing: a flood of made-up links costs a read each, not a password hash.
      if (token.length > 200 || !(await credentials.pendingPasswordReset(tokenHash))) throw dead;
      if (!(await credentials.usePasswordReset(tokenHash, await passwords.hash(password)))) throw dead;
      return true;
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
