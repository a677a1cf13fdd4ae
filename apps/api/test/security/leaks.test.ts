// What must not leak or be hijacked: stack traces, cross-site WebSockets and writes riding a victim's
// cookie, subscriptions that outlive their access, and a workspace left without an owner by a race.
import { createClient } from "graphql-ws";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const DASHBOARD = "http://localhost:3000";

/** A graphql-ws client whose upgrade request carries `origin`, as a browser's would. */
function wsClient(t: TestApi, token: string, origin?: string) {
  class BrowserLike extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, origin ? { headers: { origin } } : {});
    }
  }
  return createClient({
    url: t.api.url.replace(/^http/, "ws"),
    webSocketImpl: BrowserLike,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
}

/** The first result of a subscription, or the error that ended it. */
function first(client: ReturnType<typeof createClient>, query: string, variables: Record<string, unknown>) {
  return new Promise<{ data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }>((resolve) =>
    client.subscribe(
      { query, variables },
      {
        next: (r) => resolve(r as never),
        // graphql-ws reports an operation's own errors as an array, and a failed connection as an event.
        error: (e) => resolve({ errors: Array.isArray(e) ? e : [{ message: String((e as Error)?.message ?? e) }] }),
        complete: () => {},
      },
    ),
  );
}

describe("what leaks, and what can be hijacked", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  beforeAll(async () => {
    t = await startTestApi({ settings: { WEB_ORIGINS: DASHBOARD } });
    owner = await workspaceWithDataset(t, "leaks@example.com");
  });

  it("answers malformed JSON and every error as JSON, with no stack trace", async () => {
    const malformed = await fetch(t.api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toMatch(/application\/json/);
    const text = await malformed.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
    });
    for (const query of ["{ nope }", "{ health { ok ", "query($x: Int!) { health { ok } }", "{ workspaces { id } }"]) {
      const body = JSON.stringify(await t.gql(query));
      expect(body, query).not.toMatch(/stacktrace|node_modules|\.ts:\d+|at [\w.]+ \(/);
      expect(JSON.parse(body).errors?.[0]?.extensions?.code, query).toBeDefined();
    }
  });

  it("refuses WebSockets and cookie-bearing writes from a foreign origin (another port counts)", async () => {
    const foreign = wsClient(t, owner.token, "http://localhost:8080");
    const refused = await first(foreign, "subscription($id: ID!) { jobProgress(id: $id) { status } }", { id: "x" });
    expect(refused.errors?.[0]?.message).toMatch(/401|Unexpected server response|closed|socket/i);
    await foreign.dispose();
    const dashboard = wsClient(t, owner.token, DASHBOARD);
    const allowed = await first(dashboard, "subscription($id: ID!) { jobProgress(id: $id) { status } }", { id: "x" });
    expect(allowed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND"); // connected, then told the job does not exist
    await dashboard.dispose();
    const write = await fetch(t.api.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:8080",
        authorization: `Bearer ${owner.token}`,
      },
      body: JSON.stringify({ query: 'mutation { createWorkspace(name: "csrf") { id } }' }),
    });
    expect(write.status).toBe(403);
    expect(await t.db.workspace.count({ where: { name: "csrf" } })).toBe(0);
  });

  it("caps subscriptions per connection, and checks access again on every update", async () => {
    const job = await t.db.job.create({
      data: { workspaceId: owner.workspaceId, kind: "EXTRACT", status: "RUNNING", progressTotal: 10 },
    });
    const member = await t.join(owner.token, owner.workspaceId, "watcher@example.com", "MEMBER");
    const client = wsClient(t, member.token);
    const query = "subscription($id: ID!) { jobProgress(id: $id) { status progress { done } } }";
    const updates: { errors?: { extensions?: { code?: string } }[] }[] = [];
    const ended = new Promise<void>((resolve) =>
      client.subscribe(
        { query, variables: { id: job.id } },
        {
          next: (r) => void updates.push(r as never),
          error: (e) => {
            updates.push({ errors: Array.isArray(e) ? e : [{ message: String(e) }] } as never);
            resolve();
          },
          complete: resolve,
        },
      ),
    );
    for (let i = 0; i < 9; i++)
      client.subscribe({ query, variables: { id: job.id } }, { next: () => {}, error: () => {}, complete: () => {} });
    const eleventh = await first(client, query, { id: job.id });
    expect(eleventh.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    await new Promise((r) => setTimeout(r, 700));
    expect(updates[0]).toMatchObject({ data: { jobProgress: { status: "RUNNING" } } });
    await t.gql(
      "mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }",
      { w: owner.workspaceId, u: member.userId },
      owner.token,
    );
    await t.db.job.update({ where: { id: job.id }, data: { progressDone: 5 } });
    await ended;
    expect(updates.at(-1)?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(updates.some((u) => JSON.stringify(u).includes('"done":5'))).toBe(false);
    await client.dispose();
  });

  it("never leaves a workspace without an owner, even when two owners demote each other at once", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await workspaceWithDataset(t, `race-a${round}@example.com`);
      const b = await t.join(a.token, a.workspaceId, `race-b${round}@example.com`, "OWNER");
      const demote = (token: string, userId: string) =>
        t.gql(
          "mutation($w: ID!, $u: ID!) { setMemberRole(workspaceId: $w, userId: $u, role: MEMBER) { role } }",
          { w: a.workspaceId, u: userId },
          token,
        );
      const results = await Promise.all([demote(a.token, b.userId), demote(b.token, a.userId)]);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(await t.db.membership.count({ where: { workspaceId: a.workspaceId, role: "OWNER" } })).toBe(1);
    }
  });
});
