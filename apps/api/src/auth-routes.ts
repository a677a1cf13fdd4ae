import { parse, serialize } from "cookie";
import express from "express";
import type { SessionCookie } from "./auth/session-cookie.js";
import type { Services } from "./context.js";
import { asDomainError } from "./errors.js";
import { log } from "./observability/log.js";
import type { TracedRequest } from "./observability/request-logging.js";

/**
 * Single sign-on's two browser stops, reached through the dashboard's origin: `/auth/oidc/start` sends the
 * browser to the provider (with the attempt's secret in a short-lived cookie), `/auth/oidc/callback` takes
 * the provider's answer, sets the session cookie and sends the browser on. A refusal goes back to the sign-in
 * page with the reason in words.
 */
export function authRoutes(services: Services, session: SessionCookie, secure: boolean): express.Router {
  const router = express.Router();
  const name = secure ? "__Host-rs_oidc" : "rs_oidc";
  const attemptCookie = (value: string, maxAge: number) =>
    serialize(name, value, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge });

  router.get("/auth/oidc/start", async (req, res) => {
    try {
      const next = typeof req.query.next === "string" ? req.query.next : undefined;
      const started = await services.sso.start(next);
      res.set("cache-control", "no-store");
      res.append("Set-Cookie", attemptCookie(started.secret, started.maxAgeSeconds));
      res.redirect(302, started.url);
    } catch (error) {
      refuse(res, error);
    }
  });

  router.get("/auth/oidc/callback", async (req, res) => {
    res.set("cache-control", "no-store");
    res.append("Set-Cookie", attemptCookie("", 0));
    try {
      const secret = parse(req.headers.cookie ?? "")[name];
      const query = new URL(req.originalUrl, "http://callback").search;
      const done = await services.sso.finish(secret, query, { address: req.ip ?? "unknown" });
      res.append("Set-Cookie", session.set(done.sessionToken, done.expiresAt));
      res.redirect(302, done.next);
    } catch (error) {
      refuse(res, error);
    }
  });
  return router;
}

function refuse(res: express.Response, error: unknown) {
  const domain = asDomainError(error);
  if (!domain) log.error({ err: error, requestId: (res.req as TracedRequest).requestId }, "single sign-on failed");
  const message = domain?.message ?? "Single sign-on failed; try again, or sign in with your password.";
  res.redirect(302, `/signin?error=${encodeURIComponent(message)}`);
}
