// Live updates over WebSockets: what a stranger may send before signing in, how many sockets one address
// or one account may hold, and what idle subscribers cost the database (nothing).
import { createClient } from "graphql-ws";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestApi, type TestApi } from "../api-client.js";
import { flowerFiles, upload, workspaceWithDataset } from "../fixtures.js";

const PROTOCOL = "graphql-transport-ws";

/** Opens a raw graphql-ws socket; resolves with how it ended (or "open" after the first server message). */
function rawSocket(url: string) {
  const socket = new WebSocket(url.replace(/^http/, "ws"), PROTOCOL);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const refused = new Promise<number>((resolve) =>
    socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0)),
  );
  const opened = new Promise<void>((resolve) => socket.once("open", () => resolve()));
  const firstMessage = new Promise<string>((resolve) => socket.once("message", (data) => resolve(data.toString())));
  socket.on("error", () => {});
  return { socket, closed, refused, opened, firstMessage };
}

describe("live-update sockets", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  const sql: string[] = [];
  beforeAll(async () => {
    t = await startTestApi({
      onQuery: (q) => sql.push(q),
      settings: { WS_CONNECTIONS_PER_ADDRESS: "8", WS_CONNECTIONS_PER_USER: "3" },
    });
    owner = await workspaceWithDataset(t, "watcher@example.com");
  });

  it("closes a socket whose message is over 64 KB, before anything reads it", async () => {
    const { socket, closed, opened } = rawSocket(t.api.url);
    await opened;
    socket.send(JSON.stringify({ type: "connection_init", payload: { padding: "x".repeat(100 * 1024) } }));
    expect((await closed).code).toBe(1009); // "message too big"
  });

  it("closes a socket that does not sign in", async () => {
    const { socket, closed, opened } = rawSocket(t.api.url);
    await opened;
    socket.send(JSON.stringify({ type: "connection_init", payload: {} }));
    expect((await closed).code).toBe(4403);
  });

  it("limits the sockets of one account, and of one address", async () => {
    const signedIn = async () => {
      const raw = rawSocket(t.api.url);
      await raw.opened;
      raw.socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${owner.token}` } }));
      return raw;
    };
    const mine = [await signedIn(), await signedIn(), await signedIn()];
    for (const s of mine) expect(JSON.parse(await s.firstMessage)).toEqual({ type: "connection_ack" });
    const fourth = await signedIn();
    expect((await fourth.closed).code).toBe(4403);
    // Five more from this address, signed in or not, reach the address's limit of 8; the ninth is refused.
    const strangers = Array.from({ length: 5 }, () => rawSocket(t.api.url));
    await Promise.all(strangers.map((s) => s.opened));
    const ninth = rawSocket(t.api.url);
    expect(await ninth.refused).toBe(429);
    for (const s of [...mine, ...strangers]) s.socket.close();
    await Promise.all([...mine, ...strangers].map((s) => s.closed));
    // Once they are closed, this address and this account may connect again.
    const again = await signedIn();
    expect(JSON.parse(await again.firstMessage)).toEqual({ type: "connection_ack" });
    again.socket.close();
  });

  it("idle subscriptions cost the database nothing; a change reaches every one of them", async () => {
    const watchers = await Promise.all(
      [0, 1, 2].map(async () => {
        const client = createClient({
          url: t.api.url.replace(/^http/, "ws"),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${owner.token}` },
          retryAttempts: 0,
        });
        const iterator = client.iterate({
          query: "subscription($d: ID!) { datasetUpdates(id: $d) { id } }",
          variables: { d: owner.datasetId },
        });
        await iterator.next(); // the dataset as it is now
        return { client, iterator };
      }),
    );
    sql.length = 0;
    await new Promise((r) => setTimeout(r, 3000)); // the window in which an idle subscriber used to poll
    expect(sql).toEqual([]);
    const updates = watchers.map((w) => w.iterator.next());
    await upload(t, owner.token, owner.datasetId, await flowerFiles(["daisy"], 1));
    for (const update of await Promise.all(updates))
      expect(update.value?.data).toEqual({ datasetUpdates: { id: owner.datasetId } });
    await Promise.all(
      watchers.map(async (w) => {
        await w.iterator.return?.();
        await w.client.dispose();
      }),
    );
  });
});
