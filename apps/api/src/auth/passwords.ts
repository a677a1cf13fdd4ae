import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import pLimit from "p-limit";
import { UnavailableError } from "../domain/errors.js";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;
// OWASP's scrypt parameters: N=2^17, r=8, p=1 (128 MiB); maxmem must allow them.
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

async function hash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(password, salt, 32, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), derived.toString("base64")].join("$");
}

async function verify(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, expectedHash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !expectedHash) return false;
  const expected = Buffer.from(expectedHash, "base64");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * Password hashing with a bound on the work: each hash takes 128 MiB and about 0.3 s of a core, so at most
 * `concurrency` run at once and at most `queue` wait; beyond that the request is refused (SERVICE_UNAVAILABLE)
 * instead of letting a flood of sign-ins exhaust memory.
 */
export function createPasswordHasher(options: { concurrency: number; queue: number }) {
  const limit = pLimit(options.concurrency);
  const bounded = <T>(work: () => Promise<T>): Promise<T> => {
    if (limit.pendingCount >= options.queue)
      return Promise.reject(new UnavailableError("The server is busy signing people in; try again in a moment."));
    return limit(work);
  };
  // A real hash of a random password: checking an unknown address against it costs what a wrong password costs.
  let decoy: Promise<string> | undefined;
  return {
    hash: (password: string) => bounded(() => hash(password)),
    /** Checks a password; for an account that does not exist (`stored` null), does the same work and says no. */
    verify: async (password: string, stored: string | null) => {
      decoy ??= hash(randomBytes(16).toString("hex"));
      const against = stored ?? (await decoy);
      const ok = await bounded(() => verify(password, against));
      return stored !== null && ok;
    },
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
