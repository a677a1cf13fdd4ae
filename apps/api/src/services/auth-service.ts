import { credentialsRepository, type Db, type TokenScope, usersRepository } from "@retrain/db";
import type { PasswordHasher } from "../auth/passwords.js";
import type { AuthLimits } from "../auth/rate-limits.js";
import { hashSecret, newSecret } from "../auth/secrets.js";
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from "../domain/errors.js";
import { requireEmail, requireName, requirePassword } from "../domain/validate.js";
import { type Caller, requireCaller } from "./access.js";

const SESSION_DAYS = 30;
const TOKEN_MAX_DAYS = 3650;

/** Where a request comes from, for the limits on sign-in and sign-up. */
export interface RequestOrigin {
  address: string;
}

export function createAuthService(db: Db, passwords: PasswordHasher, limits: AuthLimits) {
  const users = usersRepository(db);
  const credentials = credentialsRepository(db);

  async function startSession(userId: string) {
    const { secret, hash } = newSecret("rss_");
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await credentials.createSession(userId, hash, expiresAt);
    return { sessionToken: secret, expiresAt };
  }

  return {
    /** Creates an account and signs in. It joins no workspace: that takes an invitation link. */
    async signUp(input: { email: string; name: string; password: string }, origin: RequestOrigin) {
      const email = requireEmail("email", input.email);
      const name = requireName("name", input.name);
      const password = requirePassword("password", input.password);
      await limits.signUp(origin.address);
      if (await users.findByEmail(email))
        throw new ConflictError(`An account for ${email} exists already: sign in instead.`);
      const user = await users.create({ email, name, passwordHash: await passwords.hash(password) });
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

    /** Ends every browser session of the caller, this one included. */
    async signOutEverywhere(caller: Caller | null) {
      const { count } = await credentials.deleteSessionsOf(requireCaller(caller, "write").userId);
      return count;
    },

    /** Needs the current password; every other session of the account ends, the caller's own stays. */
    async changePassword(caller: Caller | null, input: { currentPassword: string; newPassword: string }) {
      const { userId, email, sessionHash } = requireCaller(caller, "write");
      const next = requirePassword("newPassword", input.newPassword);
      const user = await users.findById(userId);
      await limits.signIn("password-change", email);
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
        return { userId: token.userId, email: token.user.email, scope: token.scope };
      }
      const session = await credentials.findSession(hash);
      if (!session || session.expiresAt < new Date()) return null;
      return { userId: session.userId, email: session.user.email, scope: "SESSION", sessionHash: hash };
    },

    /** A token can do at most what its scope says; only a session or a WRITE token makes new ones. */
    async createApiToken(
      caller: Caller | null,
      input: { name: string; scope?: TokenScope | null; expiresAt?: Date | null },
    ) {
      const { userId } = requireCaller(caller, "write");
      if (
        input.expiresAt &&
        (input.expiresAt <= new Date() || input.expiresAt.getTime() > Date.now() + TOKEN_MAX_DAYS * 86_400_000)
      )
        throw new ValidationError(
          "expiresAt",
          `expiresAt must be in the future, within ${TOKEN_MAX_DAYS / 365} years.`,
        );
      const { secret, hash } = newSecret("rst_");
      const token = await credentials.createApiToken({
        userId,
        name: requireName("name", input.name),
        prefix: secret.slice(0, 8),
        tokenHash: hash,
        scope: input.scope ?? "WRITE",
        expiresAt: input.expiresAt ?? null,
      });
      return { token, secret };
    },

    listApiTokens: (caller: Caller | null) => credentials.listApiTokens(requireCaller(caller).userId),

    async revokeApiToken(caller: Caller | null, id: string) {
      const { count } = await credentials.revokeApiToken(requireCaller(caller, "write").userId, id);
      if (count === 0) throw new NotFoundError("API token");
      return true;
    },

    me: async (caller: Caller | null) => (caller ? users.findById(caller.userId) : null),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
