import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import type { ApiContext } from "../context.js";

/** The one Pothos builder every schema/<entity>.ts file adds its types to. */
export const builder = new SchemaBuilder<{
  Context: ApiContext;
  DefaultFieldNullability: false;
  // Ids are the database's strings: typed so, resolvers pass them on without converting.
  Scalars: { ID: { Input: string; Output: string }; DateTime: { Input: Date; Output: Date } };
}>({
  // Fields are non-null unless a field says otherwise: clients need not guard against nulls that never come.
  defaultFieldNullability: false,
  plugins: [RelayPlugin],
  // Relay-style connections for lists that grow (first/after, last/before, edges and nodes, pageInfo); no
  // global object ids: ids stay the database's, as everywhere else in the API.
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodesOnConnection: true,
  },
});

builder.queryType({ description: "Everything Retrain Studio can be asked." });

builder.mutationType({ description: "Everything Retrain Studio can be told to do." });

builder.subscriptionType({ description: "Live progress, over graphql-ws at /graphql." });

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string in UTC.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError("DateTime must be an ISO 8601 string");
    return date;
  },
});
