import type express from "express";
import type { SessionCookie } from "./auth/session-cookie.js";
import type { Services } from "./context.js";
import { asDomainError, HTTP_STATUS, toGraphQLError } from "./errors.js";
import { log } from "./observability/log.js";
import type { TracedRequest } from "./observability/request-logging.js";
import type { Caller } from "./services/workspaces/access.js";

/** A request once `identify` has run: the caller behind its token or cookie, or null. */
export type AuthenticatedRequest = express.Request & { caller: Caller | null };

export function bearer(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** Finds the caller from the headers alone, before any body is read, so limits can depend on it. */
export function identify(services: Services, cookie: SessionCookie): express.RequestHandler {
  return (req, _res, next) => {
    services.auth.authenticate(bearer(req.headers.authorization) ?? cookie.read(req.headers.cookie)).then((caller) => {
      (req as AuthenticatedRequest).caller = caller;
      next();
    }, next);
  };
}

/**
 * Refuses writes that a browser sends from a page of another origin (another port of the same host counts:
 * cookies do not tell ports apart). Requests without an Origin header come from scripts, not browsers.
 */
export function checkOrigin(allowed: ReadonlySet<string>): express.RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (["GET", "HEAD", "OPTIONS"].includes(req.method) || !origin || allowed.has(origin)) return next();
    res.status(403).json({
      errors: [
        { message: `Requests from ${origin.slice(0, 100)} are not accepted.`, extensions: { code: "FORBIDDEN" } },
      ],
    });
  };
}

/**
 * Whatever a route did not handle (such as the caller's lookup with the database away), answered as JSON in
 * GraphQL's error shape with its code, never a stack; what is not a domain error is logged and masked.
 */
export const unexpectedErrors: express.ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const domain = asDomainError(error);
  if (domain) {
    const { message, extensions } = toGraphQLError(domain);
    return void res.status(HTTP_STATUS[String(extensions.code)] ?? 400).json({ errors: [{ message, extensions }] });
  }
  log.error({ err: error, requestId: (req as TracedRequest).requestId }, "unexpected error");
  res
    .status(500)
    .json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
};
