// Test helper: a graphql-ws client that collects every update of one subscription until it completes.
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLResult } from "./api-client.js";

export async function collectSubscription<T>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<GraphQLResult<T>[]> {
  const client = createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const updates: GraphQLResult<T>[] = [];
  try {
    for await (const update of client.iterate({ query, variables }))
      updates.push(update as unknown as GraphQLResult<T>);
  } finally {
    await client.dispose();
  }
  return updates;
}
