// Who may create an account: the first person on a fresh install (its administrator), then as SIGN_UP says.
import { createPrismaClient } from "@retrain/db";
import { beforeAll, describe, expect, it } from "vitest";
import { serveApi, startTestApi, type TestApi } from "../api-client.js";

const SIGN_UP = `mutation($e: String!, $t: String) {
  signUp(email: $e, name: "N", password: "correct horse", invitationToken: $t) { sessionToken user { isAdmin } } }`;
const OPTIONS = "{ signInOptions { signUp { mode firstAccount message } passwordResetByEmail singleSignOn { name } } }";

type SignedUp = { signUp: { sessionToken: string; user: { isAdmin: boolean } } };

describe("the sign-up policy", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ settings: { SIGN_UP: "invite-only" } });
  });

  const invite = async (token: string, workspaceId: string, email: string) =>
    (
      await t.gql<{ inviteMember: { token: string } }>(
        "mutation($w: ID!, $e: String!) { inviteMember(workspaceId: $w, email: $e, role: MEMBER) { token } }",
        { w: workspaceId, e: email },
        token,
      )
    ).data?.inviteMember.token ?? "";

  it("lets the first person in, as the administrator; then only invitation links make accounts", async () => {
    expect((await t.gql(OPTIONS)).data).toEqual({
      signInOptions: {
        signUp: { mode: "INVITE_ONLY", firstAccount: true, message: null },
        passwordResetByEmail: false,
        singleSignOn: null,
      },
    });
    const first = await t.gql<SignedUp>(SIGN_UP, { e: "founder@example.com" });
    expect(first.data?.signUp.user.isAdmin).toBe(true);
    const options = await t.gql<{ signInOptions: { signUp: { message: string } } }>(OPTIONS);
    expect(options.data?.signInOptions.signUp).toMatchObject({
      firstAccount: false,
      message: expect.stringMatching(/invitation/),
    });

    const stranger = await t.gql(SIGN_UP, { e: "stranger@example.com" });
    expect(stranger.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(stranger.errors?.[0]?.message).toBe(options.data?.signInOptions.signUp.message);
    expect(await t.db.user.count()).toBe(1);

    const founder = first.data?.signUp.sessionToken ?? "";
    const ws = await t.gql<{ createWorkspace: { id: string } }>(
      'mutation { createWorkspace(name: "Lab") { id } }',
      {},
      founder,
    );
    const workspaceId = ws.data?.createWorkspace.id ?? "";
    const link = await invite(founder, workspaceId, "hire@example.com");
    const invited = await t.gql<SignedUp>(SIGN_UP, { e: "hire@example.com", t: link });
    expect(invited.data?.signUp.user.isAdmin).toBe(false);
    const joined = await t.gql(
      "query($w: ID!) { workspace(id: $w) { id } }",
      { w: workspaceId },
      invited.data?.signUp.sessionToken,
    );
    expect(joined.data).toEqual({ workspace: { id: workspaceId } });

    // The link is spent: it makes no second account.
    const again = await t.gql(SIGN_UP, { e: "second@example.com", t: link });
    expect(again.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "invitationToken" });
  });

  it("closed takes nobody new, invited or not; open takes anyone", async () => {
    const founder = (await t.signIn("founder@example.com")).token;
    const ws = (await t.db.workspace.findFirstOrThrow()).id;
    const link = await invite(founder, ws, "closed-out@example.com");
    const closed = await serveApi({ url: t.url, db: createPrismaClient(t.url) }, { settings: { SIGN_UP: "closed" } });
    const refused = await closed.gql(SIGN_UP, { e: "closed-out@example.com", t: link });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/does not take new accounts/);
    const open = await serveApi({ url: t.url, db: createPrismaClient(t.url) }, { settings: { SIGN_UP: "open" } });
    expect((await open.gql(SIGN_UP, { e: "anyone@example.com" })).errors).toBeUndefined();
    await closed.db.$disconnect();
    await open.db.$disconnect();
  });
});
