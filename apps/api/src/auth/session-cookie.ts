import { parse, serialize } from "cookie";

/**
 * The session cookie: HTTP-only and SameSite=Lax always; over https (PUBLIC_URL) also Secure and named with
 * the `__Host-` prefix, which browsers only accept from a secure origin, for the whole host and no domain.
 */
export function sessionCookie(publicUrl: string | undefined) {
  const secure = publicUrl?.startsWith("https://") ?? false;
  const name = secure ? "__Host-rs_session" : "rs_session";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    name,
    read: (header: string | undefined) => parse(header ?? "")[name],
    set: (token: string, expires: Date) => serialize(name, token, { ...options, expires }),
    clear: () => serialize(name, "", { ...options, maxAge: 0 }),
  };
}

export type SessionCookie = ReturnType<typeof sessionCookie>;
