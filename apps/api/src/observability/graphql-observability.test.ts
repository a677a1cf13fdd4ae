import { GraphQLError, parse } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import { graphqlDuration } from "./api-metrics.js";
import { graphqlObservability } from "./graphql-observability.js";
import { log } from "./log.js";

type Hooks = Record<string, (context: unknown) => Promise<void>>;

async function request(errors: GraphQLError[]) {
  const plugin = graphqlObservability();
  const hooks = (await plugin.requestDidStart?.({} as never)) as unknown as Hooks;
  const operation = parse("query Anything { health { ok } }").definitions[0];
  const context = { errors, operation, operationName: "Anything", contextValue: { requestId: "r-1" } };
  await hooks.didEncounterErrors?.(context);
  await hooks.willSendResponse?.(context);
}

describe("the GraphQL observability plugin", () => {
  it("logs an unexpected error once, with its stack and request id; a domain error or a client mistake not", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const bug = new Error('relation "User" does not exist');
    await request([
      new GraphQLError("x", { originalError: bug }),
      new GraphQLError("y", { originalError: new NotFoundError("Dataset") }),
      new GraphQLError("z", { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    ]);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith({ err: bug, requestId: "r-1", operation: "Anything" }, "unexpected error");
    logged.mockRestore();
  });

  it("times operations by their root field, not the name a client gave them", async () => {
    await request([]);
    const values = (await graphqlDuration.get()).values;
    const count = values.find(
      (v) => v.metricName?.endsWith("_count") && v.labels.operation === "health" && v.labels.outcome === "ok",
    );
    expect(count?.value).toBeGreaterThanOrEqual(1);
    expect(values.some((v) => v.labels.operation === "Anything")).toBe(false);
  });
});
