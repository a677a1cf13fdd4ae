// Credentials that outlive what made them, and limits one person's mistakes could spend for everyone.
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";

const CREATE = `mutation($n: String!, $x: DateTime) { createApiToken(name: $n, expiresAt: $x) {
  secret token { id expiresAt } } }`;
const ME = "{ me { id } }";
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

describe("API tokens made by API tokens", () => {
  let t: TestApi;
  let session: string;
  beforeAll(async () => {
    t = await startTestApi();
    session = (await t.signUp("scripter@example.com")).token;
  });

  const create = async (auth: string, name: string, expiresAt?: Date) => {
    const made = await t.gql<{ createApiToken: { secret: string; token: { id: string; expiresAt: string | null } } }>(
      CREATE,
      { n: name, x: expiresAt?.toISOString() ?? null },
      auth,
    );
    return made;
  };

  it("never outlive their parent: the expiry is capped at the parent's, and a later one is refused", async () => {
    const hourLater = new Date(Date.now() + 3_600_000);
    const parent = (await create(session, "one hour", hourLater)).data?.createApiToken;
    if (!parent) throw new Error("no parent token");
    // Asked for no expiry: gets the parent's.
    const child = (await create(parent.secret, "child")).data?.createApiToken;
    expect(child?.token.expiresAt).toBe(parent.token.expiresAt);
    // Asked for longer: refused, naming the field.
    const longer = await create(parent.secret, "longer", new Date(Date.now() + 7_200_000));
    expect(longer.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "expiresAt" });
    // Shorter is fine.
    const shorter = await create(parent.secret, "shorter", new Date(Date.now() + 600_000));
    expect(shorter.errors).toBeUndefined();
    // A grandchild made by the child is capped the same way.
    const grandchild = (await create(child?.secret ?? "", "grandchild")).data?.createApiToken;
    expect(grandchild?.token.expiresAt).toBe(parent.token.expiresAt);
  });

  it("die with their parent: revoking a token revokes every token made from it", async () => {
    const parent = (await create(session, "parent")).data?.createApiToken;
    const child = (await create(parent?.secret ?? "", "child")).data?.createApiToken;
    const grandchild = (await create(child?.secret ?? "", "grandchild")).data?.createApiToken;
    const sibling = (await create(session, "unrelated")).data?.createApiToken;
    for (const token of [parent, child, grandchild, sibling])
      expect((await t.gql(ME, {}, token?.secret)).data).toEqual({ me: expect.any(Object) });
    const revoked = await t.gql("mutation($id: ID!) { revokeApiToken(id: $id) }", { id: parent?.token.id }, session);
    expect(revoked.data).toEqual({ revokeApiToken: true });
    for (const token of [parent, child, grandchild])
      expect((await t.gql(ME, {}, token?.secret)).data).toEqual({ me: null });
    expect((await t.gql(ME, {}, sibling?.secret)).data).toEqual({ me: expect.any(Object) });
  });

  it("sign out everywhere revokes API tokens too when asked, and only then", async () => {
    const token = (await create(session, "kept"))?.data?.createApiToken.secret ?? "";
    const ended = await t.gql("mutation { signOutEverywhere }", {}, session);
    expect(ended.data).toEqual({ signOutEverywhere: expect.any(Number) });
    expect((await t.gql(ME, {}, token)).data).toEqual({ me: expect.any(Object) });
    const again = (await t.signIn("scripter@example.com")).token;
    const all = await t.gql("mutation { signOutEverywhere(apiTokens: true) }", {}, again);
    expect(all.errors).toBeUndefined();
    expect((await t.gql(ME, {}, token)).data).toEqual({ me: null });
    expect((await t.gql(ME, {}, again)).data).toEqual({ me: null });
    session = (await t.signIn("scripter@example.com")).token;
  });
});

describe("password checks of signed-in people", () => {
  let t: TestApi;
  beforeAll(async () => {
    // The product's default per-address limit (30 a window), as a real install has it.
    t = await startTestApi({ settings: { SIGN_IN_ATTEMPTS_PER_ADDRESS: "30" } });
  });

  it("are limited per account: one person's 40 wrong passwords block neither another's change nor deletion", async () => {
    const mallory = (await t.signUp("mallory@example.com")).token;
    const alice = (await t.signUp("alice@example.com")).token;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 40; i++)
      codes.push(
        code(
          await t.gql(
            'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "whatever it is") }',
            { c: `wrong guess ${i}` },
            mallory,
          ),
        ),
      );
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("BAD_USER_INPUT"));
    expect(codes.slice(10)).toEqual(Array(30).fill("RATE_LIMITED"));
    const change = await t.gql(
      'mutation { changePassword(currentPassword: "correct horse", newPassword: "a new horse") }',
      {},
      alice,
    );
    expect(change).toEqual({ data: { changePassword: true } });
    const deletion = await t.gql('mutation { deleteAccount(password: "not it") }', {}, alice);
    expect(deletion.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "password" });
  }, 120_000);
});
