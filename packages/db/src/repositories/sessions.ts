import type { Db } from "../client.js";
import type { TokenScope } from "../generated/prisma/client.js";

/** Browser sessions and personal API tokens: both stored as SHA-256 hashes of the secret only. */
export const credentialsRepository = (db: Db) => ({
  createSession: (userId: string, tokenHash: string, expiresAt: Date) =>
    db.session.create({ data: { userId, tokenHash, expiresAt } }),
  findSession: (tokenHash: string) => db.session.findUnique({ where: { tokenHash }, include: { user: true } }),
  deleteSession: (tokenHash: string) => db.session.deleteMany({ where: { tokenHash } }),
  /** Ends every session of a user, but the one whose hash is `keepHash` (the caller's own, when given). */
  deleteSessionsOf: (userId: string, keepHash?: string) =>
    db.session.deleteMany({ where: { userId, ...(keepHash ? { tokenHash: { not: keepHash } } : {}) } }),

  createApiToken: (data: {
    userId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scope: TokenScope;
    expiresAt: Date | null;
    parentId: string | null;
  }) => db.apiToken.create({ data }),
  findApiToken: (tokenHash: string) => db.apiToken.findUnique({ where: { tokenHash }, include: { user: true } }),
  findApiTokenById: (id: string) => db.apiToken.findUnique({ where: { id } }),
  touchApiToken: (id: string) => db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date() } }),
  listApiTokens: (userId: string) => db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }),
  /** Revokes a token of the user and every token made from it, at any depth (a child never outlives it). */
  revokeApiToken: (userId: string, id: string) =>
    db.$executeRaw`
      WITH RECURSIVE family AS (
        SELECT "id" FROM "ApiToken" WHERE "id" = ${id} AND "userId" = ${userId} AND "revokedAt" IS NULL
        UNION
        SELECT t."id" FROM "ApiToken" t JOIN family f ON t."parentId" = f."id"
      )
      UPDATE "ApiToken" SET "revokedAt" = now() WHERE "id" IN (SELECT "id" FROM family) AND "revokedAt" IS NULL`,
  /** Revokes every API token of a user ("sign out everywhere", with tokens). */
  revokeApiTokensOf: (userId: string) =>
    db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),

  createPasswordReset: (data: { userId: string; tokenHash: string; createdById: string | null; expiresAt: Date }) =>
    db.passwordReset.create({ data }),
  pendingPasswordReset: async (tokenHash: string) =>
    (await db.passwordReset.count({ where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } } })) > 0,
  /**
   * Uses a reset link once: marks it used, sets the password and ends every session of the account, in one
   * transaction. Null when the link is unknown, used or expired.
   */
  usePasswordReset: (tokenHash: string, passwordHash: string) =>
    db.$transaction(async (tx) => {
      const taken = await tx.passwordReset.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (taken.count === 0) return null;
      const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash } });
      await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
      await tx.session.deleteMany({ where: { userId: reset.userId } });
      // Older links of the same person stop working too: one reset ends the episode.
      await tx.passwordReset.updateMany({
        where: { userId: reset.userId, usedAt: null },
        data: { usedAt: new Date() },
      });
      return reset;
    }),

  saveOidcLogin: (data: {
    id: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    next: string;
    expiresAt: Date;
  }) => db.oidcLogin.create({ data }),
  /** Takes a sign-on attempt once (deleted as it is read); null when unknown or expired. Old ones are swept. */
  takeOidcLogin: async (id: string) => {
    await db.oidcLogin.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    const [found] = await db.$queryRaw<
      { state: string; nonce: string; codeVerifier: string; next: string }[]
    >`DELETE FROM "OidcLogin" WHERE "id" = ${id} AND "expiresAt" > now() RETURNING "state", "nonce", "codeVerifier", "next"`;
    return found ?? null;
  },
});
