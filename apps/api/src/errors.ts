import { isDatabaseUnavailable } from "@retrain/db";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  QuotaExceededError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from "./domain/errors.js";

const CODES: [new (...args: never[]) => DomainError, string][] = [
  [NotFoundError, "NOT_FOUND"],
  [ValidationError, "BAD_USER_INPUT"],
  [ConflictError, "CONFLICT"],
  [ForbiddenError, "FORBIDDEN"],
  [UnauthenticatedError, "UNAUTHENTICATED"],
  [RateLimitedError, "RATE_LIMITED"],
  [UnavailableError, "SERVICE_UNAVAILABLE"],
  [QuotaExceededError, "QUOTA_EXCEEDED"],
  [PayloadTooLargeError, "PAYLOAD_TOO_LARGE"],
];

/** HTTP statuses for the same codes, for the routes that are not GraphQL. */
export const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** The one place where domain errors become GraphQL error codes. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const code = CODES.find(([type]) => error instanceof type)?.[1] ?? "BAD_REQUEST";
  const extra =
    error instanceof ValidationError
      ? { field: error.field }
      : error instanceof RateLimitedError
        ? { retryAfterSeconds: error.retryAfterSeconds }
        : {};
  return new GraphQLError(error.message, { extensions: { code, ...extra } });
}

/**
 * The domain error an error stands for, if any: a database that does not answer (stopped, restarting) is
 * the server being unavailable for a moment, not a bug to mask.
 */
export function asDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (isDatabaseUnavailable(error))
    return new UnavailableError("The database is not answering right now. Please retry in a few seconds.");
  return undefined;
}

/**
 * Apollo's formatError: domain errors keep their words; anything unexpected is masked (and logged once, with
 * its stack and request id, by the observability plugin).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const domain = asDomainError(original);
  if (domain) {
    const mapped = toGraphQLError(domain);
    return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
  }
  const code = formatted.extensions?.code;
  // Apollo's own codes (parse, validation, bad input for variables) are safe to show, without a stack trace.
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
    const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
