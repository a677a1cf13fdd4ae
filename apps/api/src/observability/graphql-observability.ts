import type { ApolloServerPlugin } from "@apollo/server";
import type { OperationDefinitionNode } from "graphql";
import type { ApiContext } from "../context.js";
import { asDomainError } from "../errors.js";
import { graphqlDuration } from "./api-metrics.js";
import { log } from "./log.js";

/** Apollo's own codes (parse, validation, variables): the client's mistake, nothing to log. */
const isUnexpected = (code: unknown) => code === undefined || code === "INTERNAL_SERVER_ERROR";

/**
 * An operation by its first root field (`predict`, `createExperiment`): the schema bounds these, where the
 * operation's name is whatever a client writes (a label per name would let anyone grow the series).
 */
function rootField(operation: OperationDefinitionNode | undefined): string {
  const first = operation?.selectionSet.selections[0];
  return first?.kind === "Field" ? first.name.value : "invalid";
}

/**
 * Times each GraphQL operation by name and type, and logs each unexpected error once, with its stack and
 * the request's id, where formatError masks it for the client.
 */
export function graphqlObservability(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = error.originalError ?? error;
            if (asDomainError(original) || !isUnexpected(error.extensions?.code)) continue;
            log.error(
              { err: original, requestId: contextValue.requestId, operation: operationName },
              "unexpected error",
            );
          }
        },
        async willSendResponse({ operation, errors }) {
          graphqlDuration.observe(
            {
              operation: rootField(operation),
              type: operation?.operation ?? "invalid",
              outcome: (errors?.length ?? 0) > 0 ? "error" : "ok",
            },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
