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
  }) => db.apiToken.create({ data }),
  findApiToken: (tokenHash: string) => db.apiToken.findUnique({ where: { tokenHash }, include: { user: true } }),
  touchApiToken: (id: string) => db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date() } }),
  listApiTokens: (userId: string) => db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }),
  revokeApiToken: (userId: string, id: string) =>
    db.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } }),
});
