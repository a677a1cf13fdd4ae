import type { Db } from "@retrain/db";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../domain/errors.js";

export interface AuthLimitSettings {
  /** Sign-in attempts per client address per window. */
  signInPerAddress: number;
  /** Sign-in attempts per account (email) per window, whatever the address. */
  signInPerAccount: number;
  /** Sign-ups per client address per window. */
  signUpPerAddress: number;
  windowSeconds: number;
}

/**
 * Sign-in and sign-up limits kept in PostgreSQL (rate-limiter-flexible's Prisma store), so they hold across
 * every API process. An account's counter is cleared when it signs in, so its owner is not locked out by
 * their own earlier typos once they get it right.
 */
export function createAuthLimits(db: Db, settings: AuthLimitSettings) {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix,
      points,
      duration: settings.windowSeconds,
    });
  const signInByAddress = limiter("sign-in-address", settings.signInPerAddress);
  const signInByAccount = limiter("sign-in-account", settings.signInPerAccount);
  const signUpByAddress = limiter("sign-up-address", settings.signUpPerAddress);
  // Keyed by the account: one person's wrong passwords never refuse another's password change.
  const passwordCheckByUser = limiter("password-check-user", settings.signInPerAccount);
  const resetByAddress = limiter("reset-address", settings.signInPerAddress);
  const resetByAccount = limiter("reset-account", 3);

  const consume = async (work: Promise<unknown>[]) => {
    const results = await Promise.allSettled(work);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    const limited = refused.filter((e): e is RateLimiterRes => e instanceof RateLimiterRes);
    if (limited.length) throw new RateLimitedError(Math.ceil(Math.max(...limited.map((r) => r.msBeforeNext)) / 1000));
    if (refused.length) throw refused[0];
  };

  return {
    signIn: (address: string, email: string) =>
      consume([signInByAddress.consume(address), signInByAccount.consume(email)]),
    signedIn: (email: string) => signInByAccount.delete(email),
    signUp: (address: string) => consume([signUpByAddress.consume(address)]),
    /** A signed-in user's password checks (changing it, deleting the account). */
    passwordCheck: (userId: string) => consume([passwordCheckByUser.consume(userId)]),
    /** Reset links asked for by e-mail: per address, and three per account per window. */
    resetRequest: (address: string, email: string) =>
      consume([resetByAddress.consume(address), resetByAccount.consume(email)]),
  };
}

export type AuthLimits = ReturnType<typeof createAuthLimits>;
