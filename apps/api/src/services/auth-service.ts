import { credentialsRepository, type Db, usersRepository, workspacesRepository } from "@retrain/db";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { hashSecret, newSecret } from "../auth/secrets.js";
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from "../domain/errors.js";
import { requireEmail, requireName } from "../domain/validate.js";
import { type Caller, requireCaller } from "./access.js";

const SESSION_DAYS = 30;
export const SESSION_COOKIE = "rs_session";

export function createAuthService(db: Db) {
  const users = usersRepository(db);
  const credentials = credentialsRepository(db);
  const workspaces = workspacesRepository(db);

  async function startSession(userId: string, email: string) {
    await workspaces.acceptInvitations(email, userId); // invitations are accepted by signing in
    const { secret, hash } = newSecret("rss_");
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await credentials.createSession(userId, hash, expiresAt);
    return { sessionToken: secret, expiresAt };
  }

  return {
    async signUp(input: { email: string; name: string; password: string }) {
      const email = requireEmail("email", input.email);
      const name = requireName("name", input.name);
      if (input.password.length < 8) throw new ValidationError("password", "password must be at least 8 characters");
      if (await users.findByEmail(email))
        throw new ConflictError(`An account for ${email} exists already: sign in instead.`);
      const user = await users.create({ email, name, passwordHash: await hashPassword(input.password) });
      return { user, ...(await startSession(user.id, email)) };
    },

    async signIn(input: { email: string; password: string }) {
      const email = requireEmail("email", input.email);
      const user = await users.findByEmail(email);
      // The same answer for an unknown email and a wrong password: no account probing.
      if (!user || !(await verifyPassword(input.password, user.passwordHash))) {
        throw new UnauthenticatedError("Wrong email or password.");
      }
      return { user, ...(await startSession(user.id, email)) };
    },

    signOut: (sessionToken: string) => credentials.deleteSession(hashSecret(sessionToken)),

    /** The caller behind a session cookie or a Bearer API token, or null. */
    async authenticate(secret: string | undefined): Promise<Caller | null> {
      if (!secret) return null;
      const hash = hashSecret(secret);
      if (secret.startsWith("rst_")) {
        const token = await credentials.findApiToken(hash);
        if (!token || token.revokedAt) return null;
        await credentials.touchApiToken(token.id);
        return { userId: token.userId, email: token.user.email };
      }
      const session = await credentials.findSession(hash);
      if (!session || session.expiresAt < new Date()) return null;
      return { userId: session.userId, email: session.user.email };
    },

    async createApiToken(caller: Caller | null, name: string) {
      const { userId } = requireCaller(caller);
      const { secret, hash } = newSecret("rst_");
      const token = await credentials.createApiToken({
        userId,
        name: requireName("name", name),
        prefix: secret.slice(0, 8),
        tokenHash: hash,
      });
      return { token, secret };
    },

    listApiTokens: (caller: Caller | null) => credentials.listApiTokens(requireCaller(caller).userId),

    async revokeApiToken(caller: Caller | null, id: string) {
      const { count } = await credentials.revokeApiToken(requireCaller(caller).userId, id);
      if (count === 0) throw new NotFoundError("API token");
      return true;
    },

    me: async (caller: Caller | null) => (caller ? users.findById(caller.userId) : null),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
