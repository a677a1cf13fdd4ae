import { credentialsRepository, type Db, type User, usersRepository } from "@retrain/db";
import type { PasswordHasher } from "../../auth/passwords.js";
import type { AuthLimits } from "../../auth/rate-limits.js";
import { hashSecret, newSecret } from "../../auth/secrets.js";
import { ConflictError, UnauthenticatedError, ValidationError } from "../../domain/errors.js";
import { requireEmail, requireName, requirePassword } from "../../domain/validate.js";
import { type Caller, requireCaller } from "../workspaces/access.js";
import type { WorkspaceService } from "../workspaces/workspace-service.js";
import type { SignUpPolicy } from "./sign-up-policy.js";

const SESSION_DAYS = 30;

/** Where a request comes from, for the limits on sign-in and sign-up. */
export interface RequestOrigin {
  address: string;
}

/** The caller a brand-new session stands for (to accept an invitation in the same request). */
const sessionCaller = (user: User): Caller => ({ userId: user.id, email: user.email, scope: "SESSION" });

/** A stored hash no password matches: accounts made by single sign-on have no password until a reset sets one. */
export const NO_PASSWORD = "sso$no-password";

export function createAuthService(
  db: Db,
  passwords: PasswordHasher,
  limits: AuthLimits,
  policy: SignUpPolicy,
  workspaces: Pick<WorkspaceService, "invitation" | "acceptInvitation">,
) {
  const users = usersRepository(db);
  const credentials = credentialsRepository(db);

  async function startSession(userId: string) {
    const { secret, hash } = newSecret("rss_");
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await credentials.createSession(userId, hash, expiresAt);
    return { sessionToken: secret, expiresAt };
  }

  /** The invitation a sign-up holds, checked before anything is created (a dead link refuses the sign-up). */
  async function invitationOf(token: string | null | undefined) {
    if (!token) return null;
    return workspaces.invitation(token).catch(() => {
      throw new ValidationError("invitationToken", "This invitation link is used, expired or revoked.");
    });
  }

  return {
    startSession,

    /**
     * Creates an account and signs in, as the sign-up policy allows (the first account always; then anyone,
     * invitation holders, or nobody). With an invitation link the account joins its workspace at once.
     */
    async signUp(
      input: { email: string; name: string; password: string; invitationToken?: string | null },
      origin: RequestOrigin,
    ) {
      const email = requireEmail("email", input.email);
      const name = requireName("name", input.name);
      const password = requirePassword("password", input.password);
      await limits.signUp(origin.address);
      const invitation = await invitationOf(input.invitationToken);
      await policy.check(invitation !== null);
      if (await users.findByEmail(email))
        throw new ConflictError(`An account for ${email} exists already: sign in instead.`);
      const user = await users.create({ email, name, passwordHash: await passwords.hash(password) });
      if (invitation && input.invitationToken)
        await workspaces.acceptInvitation(sessionCaller(user), input.invitationToken);
      return { user, ...(await startSession(user.id)) };
    },

    /**
     * The same answer, and the same work (a password check), for an unknown address as for a wrong password,
     * so neither the words nor the time tell whether an account exists.
     */
    async signIn(input: { email: string; password: string }, origin: RequestOrigin) {
      const email = requireEmail("email", input.email);
      const password = requirePassword("password", input.password, 0);
      await limits.signIn(origin.address, email);
      const user = await users.findByEmail(email);
      if (!(await passwords.verify(password, user?.passwordHash ?? null)) || !user)
        throw new UnauthenticatedError("Wrong email or password.");
      await limits.signedIn(email);
      return { user, ...(await startSession(user.id)) };
    },

    signOut: (sessionToken: string) => credentials.deleteSession(hashSecret(sessionToken)),

    /** Ends every browser session of the caller, this one included, and with `apiTokens` every API token too. */
    async signOutEverywhere(caller: Caller | null, apiTokens = false) {
      const { userId } = requireCaller(caller, "write");
      const { count } = await credentials.deleteSessionsOf(userId);
      if (apiTokens) await credentials.revokeApiTokensOf(userId);
      return count;
    },

    /** Needs the current password; every other session of the account ends, the caller's own stays. */
    async changePassword(caller: Caller | null, input: { currentPassword: string; newPassword: string }) {
      const { userId, sessionHash } = requireCaller(caller, "write");
      const next = requirePassword("newPassword", input.newPassword);
      const user = await users.findById(userId);
      await limits.passwordCheck(userId);
      if (
        !user ||
        !(await passwords.verify(requirePassword("currentPassword", input.currentPassword, 0), user.passwordHash))
      )
        throw new ValidationError("currentPassword", "The current password is wrong.");
      await users.setPasswordHash(userId, await passwords.hash(next));
      await credentials.deleteSessionsOf(userId, sessionHash);
      return true;
    },

    /** The caller behind a session cookie or a Bearer API token, or null (expired, revoked, unknown). */
    async authenticate(secret: string | undefined): Promise<Caller | null> {
      if (!secret || secret.length > 200) return null;
      const hash = hashSecret(secret);
      if (secret.startsWith("rst_")) {
        const token = await credentials.findApiToken(hash);
        if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) return null;
        // "Last used" to the minute: a write on every request would cost a busy prediction client dearly.
        if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000)
          await credentials.touchApiToken(token.id);
        const { id, expiresAt } = token;
        return { userId: token.userId, email: token.user.email, scope: token.scope, token: { id, expiresAt } };
      }
      const session = await credentials.findSession(hash);
      if (!session || session.expiresAt < new Date()) return null;
      return { userId: session.userId, email: session.user.email, scope: "SESSION", sessionHash: hash };
    },

    me: async (caller: Caller | null) => (caller ? users.findById(caller.userId) : null),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
