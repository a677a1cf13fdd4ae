// Password resets: one-time links an owner or admin makes (no e-mail needed), and links by e-mail through a
// real SMTP server on loopback, answered the same whether or not the address has an account.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const LINK =
  "mutation($w: ID!, $u: ID!) { createPasswordResetLink(workspaceId: $w, memberId: $u) { token path expiresAt } }";
const RESET = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }";
const SIGN_IN = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { sessionToken } }";
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

describe("reset links made by an owner or admin", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  beforeAll(async () => {
    t = await startTestApi();
    owner = await workspaceWithDataset(t, "owner@example.com");
  });

  it("work once, within 24 hours, and end every session of the member", async () => {
    const member = await t.join(owner.token, owner.workspaceId, "forgetful@example.com", "MEMBER");
    const made = await t.gql<{ createPasswordResetLink: { token: string; path: string; expiresAt: string } }>(
      LINK,
      { w: owner.workspaceId, u: member.userId },
      owner.token,
    );
    const link = made.data?.createPasswordResetLink;
    expect(link?.path).toBe(`/reset/${link?.token}`);
    expect(new Date(link?.expiresAt ?? 0).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(await t.db.passwordReset.count({ where: { tokenHash: link?.token } })).toBe(0); // only its hash is kept

    expect(await t.gql(RESET, { t: link?.token, p: "a brand new one" })).toEqual({ data: { resetPassword: true } });
    expect((await t.gql("{ me { id } }", {}, member.token)).data).toEqual({ me: null });
    expect((await t.gql(SIGN_IN, { e: "forgetful@example.com", p: "a brand new one" })).errors).toBeUndefined();
    const twice = await t.gql(RESET, { t: link?.token, p: "someone else's" });
    expect(twice.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "token" });

    const late = await t.gql<{ createPasswordResetLink: { token: string } }>(
      LINK,
      { w: owner.workspaceId, u: member.userId },
      owner.token,
    );
    await t.db.passwordReset.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await t.gql(RESET, { t: late.data?.createPasswordResetLink.token, p: "too late now" });
    expect(expired.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "token" });
  });

  it("are made only over someone the maker manages in every workspace they are in", async () => {
    const admin = await t.join(owner.token, owner.workspaceId, "admin@example.com", "ADMIN");
    const viewer = await t.join(owner.token, owner.workspaceId, "viewer@example.com", "VIEWER");
    const coOwner = await t.join(owner.token, owner.workspaceId, "co-owner@example.com", "OWNER");
    expect(code(await t.gql(LINK, { w: owner.workspaceId, u: coOwner.userId }, admin.token))).toBe("FORBIDDEN");
    expect(code(await t.gql(LINK, { w: owner.workspaceId, u: admin.userId }, viewer.token))).toBe("FORBIDDEN");
    // The viewer owns a workspace of their own: this workspace's admin must not take over that account.
    await t.gql('mutation { createWorkspace(name: "Mine") { id } }', {}, viewer.token);
    const takeover = await t.gql(LINK, { w: owner.workspaceId, u: viewer.userId }, admin.token);
    expect(code(takeover)).toBe("FORBIDDEN");
    const outsider = await workspaceWithDataset(t, "outsider@example.com");
    expect(code(await t.gql(LINK, { w: owner.workspaceId, u: viewer.userId }, outsider.token))).toBe("NOT_FOUND");
    expect(
      await t.db.passwordReset.count({ where: { userId: { in: [coOwner.userId, admin.userId, viewer.userId] } } }),
    ).toBe(0);
  });
});

describe("reset links by e-mail", () => {
  let t: TestApi;
  const mail: { to: string; body: string }[] = [];
  let smtp: SMTPServer;
  afterAll(() => new Promise<void>((resolve) => smtp?.close(() => resolve())));
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        stream.on("end", () => {
          mail.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startTestApi({
      settings: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: "https://retrain.example.com" },
    });
    await t.signUp("known@example.com");
  });

  it("answers the same for any address, and mails a working link to an account's only", async () => {
    const ask = (email: string) => t.gql("mutation($e: String!) { requestPasswordReset(email: $e) }", { e: email });
    const known = await ask("known@example.com");
    const unknown = await ask("nobody@example.com");
    expect(known).toEqual({ data: { requestPasswordReset: true } });
    expect(unknown).toEqual(known);
    await expect.poll(() => mail.length, { timeout: 10_000 }).toBe(1);
    expect(mail[0]?.to).toBe("known@example.com");
    const token = mail[0]?.body
      .replace(/=\r?\n/g, "")
      .match(/https:\/\/retrain\.example\.com\/reset\/(rsr_[\w-]+)/)?.[1];
    expect(token).toBeDefined();
    expect(await t.gql(RESET, { t: token, p: "chosen by mail" })).toEqual({ data: { resetPassword: true } });
    expect((await t.gql(SIGN_IN, { e: "known@example.com", p: "chosen by mail" })).errors).toBeUndefined();
    expect((await t.gql("{ signInOptions { passwordResetByEmail } }")).data).toEqual({
      signInOptions: { passwordResetByEmail: true },
    });
  });
});
