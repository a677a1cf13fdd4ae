import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "./domain/errors.js";
import { formatError } from "./errors.js";

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ["x"] });

describe("formatError", () => {
  it("maps domain errors to codes, with the field for validation errors", () => {
    expect(formatError({ message: "" }, wrap(new NotFoundError("Dataset")))).toMatchObject({
      message: "Dataset not found",
      extensions: { code: "NOT_FOUND" },
    });
    expect(formatError({ message: "" }, wrap(new ValidationError("name", "name must not be empty")))).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "name" },
    });
    expect(formatError({ message: "" }, wrap(new ForbiddenError("no")))).toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("masks unexpected errors: no message, no stack, no SQL reaches the client", () => {
    const formatted = formatError(
      { message: 'relation "User" does not exist', extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["..."] } },
      wrap(new Error('relation "User" does not exist')),
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      locations: undefined,
      path: undefined,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

describe("a database that does not answer", () => {
  it("is SERVICE_UNAVAILABLE, said plainly, not a masked internal error", () => {
    const down = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
    expect(formatError({ message: "" }, wrap(down))).toMatchObject({
      message: "The database is not answering right now. Please retry in a few seconds.",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
  });
});
