// Single sign-on against a real OpenID Connect provider (oidc-provider, certified) on loopback: the test
// plays the browser through the provider's own sign-in and consent pages, then hands the answer back.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const REDIRECT = "http://localhost:3000/auth/oidc/callback";
const PEOPLE: Record<string, { email: string; email_verified: boolean; name: string }> = {
  alice: { email: "alice@corp.example", email_verified: true, name: "Alice Corp" },
  newcomer: { email: "newcomer@corp.example", email_verified: true, name: "New Comer" },
  stranger: { email: "stranger@corp.example", email_verified: true, name: "Strange" },
  unverified: { email: "unverified@corp.example", email_verified: false, name: "Unverified" },
  outsider: { email: "outsider@elsewhere.example", email_verified: true, name: "Out Sider" },
};

/** A cookie jar for one host: what a browser would send back. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take: (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair?.indexOf("=") ?? -1;
        if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

describe("single sign-on with OpenID Connect", () => {
  let t: TestApi;
  let issuer: string;
  let server: http.Server;
  afterAll(() => server?.close());
  beforeAll(async () => {
    server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: "retrain",
          client_secret: "a client secret of some length",
          redirect_uris: [REDIRECT],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      findAccount: (_ctx, id) =>
        PEOPLE[id] ? { accountId: id, claims: () => ({ sub: id, ...PEOPLE[id] }) } : undefined,
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      pkce: { required: () => true },
      ttl: { AuthorizationCode: 2 },
      cookies: { keys: ["a test cookie key"] },
    });
    server.on("request", provider.callback());
    t = await startTestApi({
      settings: {
        SIGN_UP: "invite-only", // the product's default
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: "retrain",
        OIDC_CLIENT_SECRET: "a client secret of some length",
        OIDC_NAME: "Corp ID",
        OIDC_ALLOWED_DOMAINS: "corp.example",
        OIDC_REDIRECT_URL: REDIRECT,
      },
    });
    owner = await workspaceWithDataset(t, "owner@corp.example"); // the first account, allowed as ever
  });

  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  const invite = (email: string) =>
    t.gql<{ inviteMember: { token: string } }>(
      "mutation($w: ID!, $e: String!) { inviteMember(workspaceId: $w, email: $e, role: MEMBER) { token } }",
      { w: owner.workspaceId, e: email },
      owner.token,
    );

  /** Starts at the API, signs in at the provider as `who`, consents; returns the answer meant for the callback. */
  async function signOn(who: string) {
    const start = await fetch(new URL("/auth/oidc/start?next=/w/home", t.api.url), { redirect: "manual" });
    expect(start.status).toBe(302);
    const attempt =
      start.headers
        .getSetCookie()
        .find((c) => c.startsWith("rs_oidc="))
        ?.split(";")[0] ?? "";
    const browser = jar();
    let location = start.headers.get("location") ?? "";
    for (let step = 0; step < 10 && !location.startsWith(REDIRECT); step++) {
      let response = await fetch(new URL(location, issuer), {
        redirect: "manual",
        headers: { cookie: browser.header() },
      });
      browser.take(response);
      if (response.status === 200) {
        const page = await response.text();
        const prompt = page.includes('value="login"') ? "login" : "consent";
        const form = new URLSearchParams({ prompt, login: who, password: "anything" });
        response = await fetch(new URL(location, issuer), {
          method: "POST",
          redirect: "manual",
          headers: { cookie: browser.header(), "content-type": "application/x-www-form-urlencoded" },
          body: form,
        });
        browser.take(response);
      }
      location = response.headers.get("location") ?? "";
    }
    expect(location.startsWith(REDIRECT)).toBe(true);
    return { attempt, query: new URL(location).search };
  }

  const callback = (answer: { attempt: string; query: string }) =>
    fetch(new URL(`/auth/oidc/callback${answer.query}`, t.api.url), {
      redirect: "manual",
      headers: { cookie: answer.attempt },
    });
  const sessionOf = (response: Response) =>
    response.headers.getSetCookie().find((c) => c.startsWith("rs_session=") && !c.startsWith("rs_session=;"));
  const refusal = (response: Response) =>
    decodeURIComponent(new URL(response.headers.get("location") ?? "", "http://x").searchParams.get("error") ?? "");

  it("signs an existing account in by its verified e-mail, and sends the browser on", async () => {
    const link = (await invite("alice@corp.example")).data?.inviteMember.token;
    const signedUp = await t.gql<{ signUp: { user: { id: string } } }>(
      'mutation($t: String) { signUp(email: "alice@corp.example", name: "A", password: "correct horse", invitationToken: $t) { user { id } } }',
      { t: link },
    );
    const existing = { userId: signedUp.data?.signUp.user.id };
    const done = await callback(await signOn("alice"));
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/w/home");
    const session = sessionOf(done)?.split(";")[0];
    expect(session).toBeDefined();
    const me = await fetch(t.api.url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session ?? "" },
      body: JSON.stringify({ query: "{ me { id email } }" }),
    });
    expect(await me.json()).toEqual({ data: { me: { id: existing.userId, email: "alice@corp.example" } } });
  }, 60_000);

  it("makes an account for someone invited, and refuses someone the sign-up policy would refuse", async () => {
    await invite("newcomer@corp.example");
    const invited = await callback(await signOn("newcomer"));
    expect(sessionOf(invited)).toBeDefined();
    expect(await t.db.user.count({ where: { email: "newcomer@corp.example" } })).toBe(1);
    const uninvited = await callback(await signOn("stranger"));
    expect(sessionOf(uninvited)).toBeUndefined();
    expect(refusal(uninvited)).toMatch(/invitation/);
    expect(await t.db.user.count({ where: { email: "stranger@corp.example" } })).toBe(0);
  }, 60_000);

  it("refuses a wrong state, a wrong nonce, an expired code, a replay, an unverified e-mail and another domain", async () => {
    const before = await t.db.session.count();
    const tamperedState = await signOn("alice");
    const wrongState = await callback({
      ...tamperedState,
      query: tamperedState.query.replace(/state=[^&]+/, "state=forged"),
    });
    expect(refusal(wrongState)).toMatch(/refused/);

    const nonce = await signOn("alice");
    await t.db.oidcLogin.updateMany({ data: { nonce: "not-the-nonce-sent" } });
    expect(refusal(await callback(nonce))).toMatch(/refused/);

    const slow = await signOn("alice");
    await new Promise((r) => setTimeout(r, 3000)); // the provider's codes live 2 s here
    expect(refusal(await callback(slow))).toMatch(/refused/);

    const once = await signOn("alice");
    expect(sessionOf(await callback(once))).toBeDefined();
    expect(refusal(await callback(once))).toMatch(/unknown or has expired/);

    expect(refusal(await callback(await signOn("unverified")))).toMatch(/not verified/);
    expect(refusal(await callback(await signOn("outsider")))).toMatch(/elsewhere\.example cannot sign in/);
    expect(await t.db.session.count()).toBe(before + 1); // only the one good sign-in
  }, 60_000);

  it("tells the sign-in page about it", async () => {
    expect((await t.gql("{ signInOptions { singleSignOn { name startPath } } }")).data).toEqual({
      signInOptions: { singleSignOn: { name: "Corp ID", startPath: "/auth/oidc/start" } },
    });
  });
});
