import type express from "express";
import { asDomainError, HTTP_STATUS, toGraphQLError } from "./errors.js";
import { log } from "./observability/log.js";
import type { TracedRequest } from "./observability/request-logging.js";

/** A domain error as JSON with the same code GraphQL would give; anything else is masked. */
export function sendError(res: express.Response, error: unknown) {
  const domain = asDomainError(error);
  if (!domain) {
    log.error({ err: error, requestId: (res.req as TracedRequest).requestId }, "unexpected error");
    return void res.status(500).json({ error: { message: "Internal server error", code: "INTERNAL_SERVER_ERROR" } });
  }
  const mapped = toGraphQLError(domain);
  const code = String(mapped.extensions.code);
  res.status(HTTP_STATUS[code] ?? 400).json({ error: { message: mapped.message, ...mapped.extensions } });
}
