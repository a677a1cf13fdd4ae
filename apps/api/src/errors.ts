import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "./domain/errors.js";

/** The one place where domain errors become GraphQL error codes. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const code =
    error instanceof NotFoundError
      ? "NOT_FOUND"
      : error instanceof ValidationError
        ? "BAD_USER_INPUT"
        : error instanceof ConflictError
          ? "CONFLICT"
          : error instanceof ForbiddenError
            ? "FORBIDDEN"
            : error instanceof UnauthenticatedError
              ? "UNAUTHENTICATED"
              : "BAD_REQUEST";
  const field = error instanceof ValidationError ? { field: error.field } : {};
  return new GraphQLError(error.message, { extensions: { code, ...field } });
}

/** Apollo's formatError: domain errors keep their words; anything unexpected is logged and masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof DomainError) {
    const mapped = toGraphQLError(original);
    return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
  }
  const code = formatted.extensions?.code;
  // Apollo's own codes (parse, validation, bad input for variables) are safe to show as they are.
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") return formatted;
  console.error("unexpected error:", original);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
