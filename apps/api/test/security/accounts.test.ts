// Accounts: invitations that cannot be taken by a look-alike, sign-in that cannot be brute-forced (across
// API processes), sessions that can be ended, and API tokens that do only what their scope says.
import { createPrismaClient } from "@retrain/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveApi, startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const SIGN_IN = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { sessionToken } }";
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

describe("invitations", () => {
  it("are not taken by signing up with the invited address: only the link, signed in, joins", async () => {
    const t = await startTestApi();
    const owner = await workspaceWithDataset(t, "lead@example.com");
    const invited = await t.gql<{ inviteMember: { token: string } }>(
      'mutation($w: ID!) { inviteMember(workspaceId: $w, email: "new.hire@example.com", role: ADMIN) { token } }',
      { w: owner.workspaceId },
      owner.token,
    );
    const lookAlike = await t.signUp("new.hire@example.com");
    for (const token of [lookAlike.token, (await t.signIn("new.hire@example.com")).token]) {
      const seen = await t.gql("query($w: ID!) { workspace(id: $w) { id } }", { w: owner.workspaceId }, token);
      expect(code(seen)).toBe("NOT_FOUND");
    }
    expect(await t.db.membership.count({ where: { workspaceId: owner.workspaceId } })).toBe(1);
    expect(invited.data?.inviteMember.token).toMatch(/^rsi_/);
  });
});

describe("sign-in limits", () => {
  let t: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    // Default per-account limit (10 a window); the per-address one is raised by the test client.
    t = await startTestApi();
    second = await serveApi({ url: t.url, db: createPrismaClient(t.url) });
    afterAll(() => second.db.$disconnect());
    await t.signUp("target@example.com");
  });

  it("a brute force of 50 wrong passwords, spread over two API processes, is stopped after 10", async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 50; i++) {
      const api = i % 2 === 0 ? t : second;
      codes.push(code(await api.gql(SIGN_IN, { e: "target@example.com", p: `guess number ${i}` })));
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("UNAUTHENTICATED"));
    expect(codes.slice(10)).toEqual(Array(40).fill("RATE_LIMITED"));
    // The right password is refused too until the window ends: the attacker learns nothing from it.
    const right = await t.gql(SIGN_IN, { e: "target@example.com", p: "correct horse" });
    expect(code(right)).toBe("RATE_LIMITED");
    expect(right.errors?.[0]?.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  }, 120_000);

  it("answers an unknown address exactly as a wrong password, after the same work", async () => {
    await t.signUp("known@example.com");
    const timed = async (email: string) => {
      const started = performance.now();
      const result = await t.gql(SIGN_IN, { e: email, p: "not the password" });
      return { result, ms: performance.now() - started };
    };
    await timed("warm-up@example.com");
    const wrong = await timed("known@example.com");
    const unknown = await timed("nobody-here@example.com");
    expect(unknown.result).toEqual(wrong.result);
    expect(unknown.result.errors?.[0]?.message).toBe("Wrong email or password.");
    // A password hash takes a few hundred milliseconds; answering "no such account" without one takes a few.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.4);
  });

  it("bounds the password hashes computed at once: a flood is refused, not queued without end", async () => {
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.gql(SIGN_IN, { e: `flood${i}@example.com`, p: "whatever it is" })),
    );
    const codes = flood.map(code);
    expect(codes.filter((c) => c === "SERVICE_UNAVAILABLE").length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === "UNAUTHENTICATED").length).toBeGreaterThanOrEqual(30);
  }, 120_000);
});

describe("sessions and tokens", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });

  it("signs out everywhere, and a password change ends every other session", async () => {
    const first = await t.signUp("sessions@example.com");
    const second = (await t.signIn("sessions@example.com")).token;
    const third = (await t.signIn("sessions@example.com")).token;
    const changed = await t.gql(
      'mutation { changePassword(currentPassword: "correct horse", newPassword: "battery staple") }',
      {},
      second,
    );
    expect(changed.errors).toBeUndefined();
    expect((await t.gql("{ me { email } }", {}, second)).data?.me).toEqual({ email: "sessions@example.com" });
    for (const ended of [first.token, third]) expect((await t.gql("{ me { email } }", {}, ended)).data?.me).toBeNull();
    expect(code(await t.gql(SIGN_IN, { e: "sessions@example.com", p: "correct horse" }))).toBe("UNAUTHENTICATED");
    const wrongCurrent = await t.gql(
      'mutation { changePassword(currentPassword: "nope", newPassword: "whatever 12") }',
      {},
      second,
    );
    expect(wrongCurrent.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currentPassword" });
    const fourth = (
      await t.gql<{ signIn: { sessionToken: string } }>(SIGN_IN, { e: "sessions@example.com", p: "battery staple" })
    ).data?.signIn.sessionToken;
    const everywhere = await t.gql<{ signOutEverywhere: number }>("mutation { signOutEverywhere }", {}, second);
    expect(everywhere.data?.signOutEverywhere).toBe(2);
    for (const ended of [second, fourth]) expect((await t.gql("{ me { email } }", {}, ended)).data?.me).toBeNull();
  });

  it("an API token does only what its scope says, and nothing once expired", async () => {
    const owner = await workspaceWithDataset(t, "scopes@example.com");
    const token = async (scope: string, expiresAt?: string) =>
      (
        await t.gql<{ createApiToken: { secret: string } }>(
          'mutation($s: TokenScope!, $x: DateTime) { createApiToken(name: "svc", scope: $s, expiresAt: $x) { secret } }',
          { s: scope, x: expiresAt },
          owner.token,
        )
      ).data?.createApiToken.secret ?? "";
    const predictOnly = await token("PREDICT");
    const readOnly = await token("READ");
    const dataset = "query($d: ID!) { dataset(id: $d) { name } }";
    const createLabel = 'mutation($d: ID!) { createLabel(datasetId: $d, name: "x") { id } }';
    const predict = 'mutation { predict(checkpointId: "cl0000000000000000000000", imageIds: ["x"]) { latencyMs } }';
    // PREDICT: nothing but predict (which then finds no such checkpoint).
    expect(code(await t.gql(dataset, { d: owner.datasetId }, predictOnly))).toBe("FORBIDDEN");
    expect(code(await t.gql("{ workspaces { id } }", {}, predictOnly))).toBe("FORBIDDEN");
    expect(code(await t.gql(createLabel, { d: owner.datasetId }, predictOnly))).toBe("FORBIDDEN");
    expect(code(await t.gql('mutation { createApiToken(name: "more") { secret } }', {}, predictOnly))).toBe(
      "FORBIDDEN",
    );
    expect(code(await t.gql(predict, {}, predictOnly))).toBe("NOT_FOUND");
    // READ: reads, but neither writes nor predicts.
    expect((await t.gql(dataset, { d: owner.datasetId }, readOnly)).data).toEqual({ dataset: { name: "D" } });
    expect(code(await t.gql(createLabel, { d: owner.datasetId }, readOnly))).toBe("FORBIDDEN");
    expect(code(await t.gql(predict, {}, readOnly))).toBe("FORBIDDEN");
    // Expiry.
    const shortLived = await token("WRITE", new Date(Date.now() + 1500).toISOString());
    expect(code(await t.gql(createLabel, { d: owner.datasetId }, shortLived))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1600));
    expect(code(await t.gql(dataset, { d: owner.datasetId }, shortLived))).toBe("UNAUTHENTICATED");
    const past = await t.gql(
      'mutation { createApiToken(name: "old", expiresAt: "2020-01-01T00:00:00Z") { secret } }',
      {},
      owner.token,
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "expiresAt" });
  });

  it("over https (PUBLIC_URL) the session cookie is Secure and __Host- prefixed, and works", async () => {
    const secure = await startTestApi({ settings: { PUBLIC_URL: "https://retrain.example.com" } });
    const response = await fetch(secure.api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: 'mutation { signUp(email: "cookie@example.com", name: "C", password: "correct horse") { user { id } } }',
      }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-rs_session=rss_[\w-]+; Path=\/; Expires=.*; HttpOnly; Secure; SameSite=Lax$/);
    const me = await fetch(secure.api.url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie.split(";")[0] ?? "" },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    expect(((await me.json()) as { data: { me: unknown } }).data.me).toEqual({ email: "cookie@example.com" });
  });
});
