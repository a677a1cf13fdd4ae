// Invitation links die with their maker's right to make them: a removed or demoted person cannot come back
// (or back up) through a link they made before.
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const INVITE =
  "mutation($w: ID!, $e: String!, $r: Role!) { inviteMember(workspaceId: $w, email: $e, role: $r) { token } }";
const ACCEPT = "mutation($t: String!) { acceptInvitation(token: $t) { id } }";
const LOOK = "query($t: String!) { invitation(token: $t) { role } }";
const SET_ROLE =
  "mutation($w: ID!, $u: ID!, $r: Role!) { setMemberRole(workspaceId: $w, userId: $u, role: $r) { role } }";
const REMOVE = "mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }";

describe("invitation links", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  beforeAll(async () => {
    t = await startTestApi();
    owner = await workspaceWithDataset(t, "founder@example.com");
  });

  const invite = async (auth: string, email: string, role: string) => {
    const made = await t.gql<{ inviteMember: { token: string } }>(
      INVITE,
      { w: owner.workspaceId, e: email, r: role },
      auth,
    );
    if (!made.data) throw new Error(JSON.stringify(made.errors));
    return made.data.inviteMember.token;
  };
  const roleOf = async (userId: string) =>
    (await t.db.membership.findFirst({ where: { workspaceId: owner.workspaceId, userId } }))?.role ?? null;

  it("a removed owner's own owner link does not bring them back", async () => {
    const coOwner = await t.join(owner.token, owner.workspaceId, "co-owner@example.com", "OWNER");
    const link = await invite(coOwner.token, "spare@example.com", "OWNER");
    expect((await t.gql(REMOVE, { w: owner.workspaceId, u: coOwner.userId }, owner.token)).errors).toBeUndefined();
    expect((await t.gql(LOOK, { t: link })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const back = await t.gql(ACCEPT, { t: link }, coOwner.token);
    expect(back.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await roleOf(coOwner.userId)).toBeNull();
  });

  it("a demoted admin's links stop working, for anyone who holds them", async () => {
    const admin = await t.join(owner.token, owner.workspaceId, "admin@example.com", "ADMIN");
    const link = await invite(admin.token, "friend@example.com", "MEMBER");
    await t.gql(SET_ROLE, { w: owner.workspaceId, u: admin.userId, r: "MEMBER" }, owner.token);
    const friend = await t.signUp("friend@example.com");
    expect((await t.gql(ACCEPT, { t: link }, friend.token)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await roleOf(friend.userId)).toBeNull();
    // The demoted admin cannot use it to climb back up either.
    expect((await t.gql(ACCEPT, { t: link }, admin.token)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await roleOf(admin.userId)).toBe("MEMBER");
  });

  it("a link dies when its maker leaves, and is checked when used even if it was not swept", async () => {
    const admin = await t.join(owner.token, owner.workspaceId, "leaver@example.com", "ADMIN");
    const link = await invite(admin.token, "late@example.com", "VIEWER");
    expect(
      (await t.gql("mutation($w: ID!) { leaveWorkspace(id: $w) }", { w: owner.workspaceId }, admin.token)).errors,
    ).toBeUndefined();
    expect(await t.db.invitation.count({ where: { invitedById: admin.userId, acceptedAt: null } })).toBe(0);

    // A link its maker can no longer give, still stored (made before this release swept them): refused when used.
    const other = await t.join(owner.token, owner.workspaceId, "other-admin@example.com", "ADMIN");
    const stale = await invite(other.token, "stale@example.com", "MEMBER");
    await t.db.membership.updateMany({
      where: { workspaceId: owner.workspaceId, userId: other.userId },
      data: { role: "VIEWER" },
    });
    const late = await t.signUp("stale@example.com");
    expect((await t.gql(ACCEPT, { t: stale }, late.token)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await roleOf(late.userId)).toBeNull();
    expect(link).toMatch(/^rsi_/);
  });

  it("a link of someone still allowed works as before", async () => {
    const link = await invite(owner.token, "welcome@example.com", "MEMBER");
    const person = await t.signUp("welcome@example.com");
    expect((await t.gql(ACCEPT, { t: link }, person.token)).data).toEqual({
      acceptInvitation: { id: owner.workspaceId },
    });
    expect(await roleOf(person.userId)).toBe("MEMBER");
  });
});
