// Test helper: a graphql-ws client that collects every update of one subscription until it completes.
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLResult } from "./api-client.js";

export async function collectSubscription<T>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  /** For a subscription that never ends by itself: stop once this many updates came. */
  enough = Number.POSITIVE_INFINITY,
  /** Called after each update (to cause the next one). */
  onUpdate: (count: number) => Promise<unknown> | undefined = () => undefined,
): Promise<GraphQLResult<T>[]> {
  const client = createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const updates: GraphQLResult<T>[] = [];
  try {
    for await (const update of client.iterate({ query, variables })) {
      updates.push(update as unknown as GraphQLResult<T>);
      if (updates.length >= enough) break;
      await onUpdate(updates.length);
    }
  } finally {
    await client.dispose();
  }
  return updates;
}
