import { credentialsRepository, type Db, type TokenScope } from "@retrain/db";
import { newSecret } from "../../auth/secrets.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { requireName } from "../../domain/validate.js";
import { type Caller, requireCaller } from "../workspaces/access.js";

const TOKEN_MAX_DAYS = 3650;

/**
 * Personal API tokens. A token made by another token is its child: it never lives longer than its parent
 * (its expiry is capped at the parent's, and revoking the parent revokes it) and never does more.
 */
export function createApiTokenService(db: Db) {
  const credentials = credentialsRepository(db);

  /** The expiry a new token gets: the one asked for, never past its parent's (a parent's expiry is the default). */
  function expiryFor(caller: Caller, asked: Date | null | undefined): Date | null {
    if (asked && (asked <= new Date() || asked.getTime() > Date.now() + TOKEN_MAX_DAYS * 86_400_000))
      throw new ValidationError("expiresAt", `expiresAt must be in the future, within ${TOKEN_MAX_DAYS / 365} years.`);
    const limit = caller.token?.expiresAt ?? null;
    if (!limit) return asked ?? null;
    if (asked && asked > limit)
      throw new ValidationError(
        "expiresAt",
        `The token you are using expires at ${limit.toISOString()}: a token it makes cannot outlive it.`,
      );
    return asked ?? limit;
  }

  return {
    /** A token can do at most what its scope says; only a session or a WRITE token makes new ones. */
    async create(caller: Caller | null, input: { name: string; scope?: TokenScope | null; expiresAt?: Date | null }) {
      const who = requireCaller(caller, "write");
      const name = requireName("name", input.name);
      const expiresAt = expiryFor(who, input.expiresAt);
      const { secret, hash } = newSecret("rst_");
      const token = await credentials.createApiToken({
        userId: who.userId,
        name,
        prefix: secret.slice(0, 8),
        tokenHash: hash,
        // A WRITE token may make any scope (WRITE allows everything); READ and PREDICT tokens make none.
        scope: input.scope ?? "WRITE",
        expiresAt,
        parentId: who.token?.id ?? null,
      });
      return { token, secret };
    },

    list: (caller: Caller | null) => credentials.listApiTokens(requireCaller(caller).userId),

    /** Revokes the token and every token made from it. */
    async revoke(caller: Caller | null, id: string) {
      const count = await credentials.revokeApiToken(requireCaller(caller, "write").userId, id);
      if (count === 0) throw new NotFoundError("API token");
      return true;
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
