import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "./database-errors.js";

// The shapes below are those seen with the server stopped under a live client (see the reliability tests).
describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma, server unreachable", { code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" }],
    [
      "a raw query through the pg adapter",
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
    ],
    ["the server shutting down", { meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } }],
    ["the server starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["pg-boss's socket error", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["wrapped", new Error("job failed", { cause: new Error("Connection terminated unexpectedly") })],
  ])("yes: %s", (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ["a unique violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a syntax error", { meta: { driverAdapterError: { cause: { kind: "postgres", code: "42601" } } } }],
    ["a plain error", new Error("boom")],
    ["not an error", "P1001"],
    ["nothing", undefined],
  ])("no: %s", (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe("isUniqueViolation", () => {
  it("is Prisma's P2002 and nothing else", () => {
    expect(isUniqueViolation({ code: "P2002", meta: { target: ["datasetId", "sha256"] } })).toBe(true);
    expect(isUniqueViolation({ code: "P1001" })).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
