import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";

describe("accounts, sessions and API tokens", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });

  it("signs up with a hashed password and an HTTP-only session cookie", async () => {
    const response = await fetch(t.api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          'mutation { signUp(email: "Ada@Example.com", name: "Ada", password: "correct horse") { user { email } } }',
      }),
    });
    const body = (await response.json()) as { data: { signUp: { user: { email: string } } } };
    expect(body.data.signUp.user.email).toBe("ada@example.com");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^rs_session=rss_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("correct horse");

    // The cookie alone signs the browser in.
    const me = await fetch(t.api.url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie.split(";")[0] ?? "" },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe("ada@example.com");
  });

  it("refuses a second account for the same email, bad input, and wrong passwords, with typed errors", async () => {
    const again = await t.gql(
      'mutation { signUp(email: "ada@example.com", name: "A", password: "whatever1") { user { id } } }',
    );
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const short = await t.gql(
      'mutation { signUp(email: "bo@example.com", name: "Bo", password: "short") { user { id } } }',
    );
    expect(short.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "password" });
    const email = await t.gql(
      'mutation { signUp(email: "not-an-email", name: "Bo", password: "long enough") { user { id } } }',
    );
    expect(email.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "email" });
    const wrong = await t.gql(
      'mutation { signIn(email: "ada@example.com", password: "not it at all") { user { id } } }',
    );
    expect(wrong.errors?.[0]).toMatchObject({
      message: "Wrong email or password.",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const ok = await t.gql<{ signIn: { user: { email: string } } }>(
      'mutation { signIn(email: "ADA@example.com", password: "correct horse") { user { email } } }',
    );
    expect(ok.data?.signIn.user.email).toBe("ada@example.com");
  });

  it("creates personal API tokens that work as Bearer, stored hashed, and stop working when revoked", async () => {
    const { token } = await t.signUp("script@example.com");
    const created = await t.gql<{ createApiToken: { secret: string; token: { id: string; prefix: string } } }>(
      'mutation { createApiToken(name: "notebook") { secret token { id prefix } } }',
      {},
      token,
    );
    const { secret, token: apiToken } = created.data?.createApiToken ?? { secret: "", token: { id: "", prefix: "" } };
    expect(secret).toMatch(/^rst_/);
    expect(secret.startsWith(apiToken.prefix)).toBe(true);
    const stored = await t.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(secret);
    expect((await t.gql<{ me: { email: string } }>("{ me { email } }", {}, secret)).data?.me.email).toBe(
      "script@example.com",
    );

    await t.gql("mutation($id: ID!) { revokeApiToken(id: $id) }", { id: apiToken.id }, token);
    expect((await t.gql("{ me { email } }", {}, secret)).data?.me).toBeNull();
    const list = await t.gql<{ apiTokens: { revokedAt: string | null }[] }>("{ apiTokens { revokedAt } }", {}, token);
    expect(list.data?.apiTokens[0]?.revokedAt).not.toBeNull();
  });

  it("answers UNAUTHENTICATED when signed out, and refuses greedy requests before running them", async () => {
    const anonymous = await t.gql("{ workspaces { id } }");
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const greedy = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: me { id email name }`).join(" ")} }`;
    // From a stranger, the 130 KB document is not even read; from a member, it is refused while parsing.
    const fromStranger = await t.gql(greedy);
    expect(fromStranger.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    const refused = await t.gql(greedy, {}, (await t.signUp("greedy@example.com")).token);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/5000 tokens/),
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
  });
});
