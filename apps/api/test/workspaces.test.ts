import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";

const CREATE = "mutation($n: String!) { createWorkspace(name: $n) { id slug myRole } }";
const INVITE =
  "mutation($w: ID!, $e: String!, $r: Role!) { inviteMember(workspaceId: $w, email: $e, role: $r) { id role } }";

describe("workspaces, members and invitations", () => {
  let t: TestApi;
  let owner: { token: string; userId: string };
  let workspaceId: string;
  beforeAll(async () => {
    t = await startTestApi();
    owner = await t.signUp("owner@example.com", "Olive");
    const created = await t.gql<{ createWorkspace: { id: string; slug: string; myRole: string } }>(
      CREATE,
      { n: "Botany Lab" },
      owner.token,
    );
    workspaceId = created.data?.createWorkspace.id ?? "";
    expect(created.data?.createWorkspace).toMatchObject({ slug: "botany-lab", myRole: "OWNER" });
  });

  it("gives unique slugs and lists only the caller's workspaces", async () => {
    const second = await t.gql<{ createWorkspace: { slug: string } }>(CREATE, { n: "Botany Lab" }, owner.token);
    expect(second.data?.createWorkspace.slug).toBe("botany-lab-2");
    const stranger = await t.signUp("stranger@example.com");
    const mine = await t.gql<{ workspaces: unknown[] }>("{ workspaces { id } }", {}, stranger.token);
    expect(mine.data?.workspaces).toEqual([]);
  });

  it("invitations are accepted by signing up, with the invited role", async () => {
    const invited = await t.gql(INVITE, { w: workspaceId, e: "Viv@Example.com", r: "VIEWER" }, owner.token);
    expect(invited.errors).toBeUndefined();
    const viewer = await t.signUp("viv@example.com", "Viv");
    const seen = await t.gql<{ workspace: { myRole: string; members: { role: string; user: { email: string } }[] } }>(
      "query($w: ID!) { workspace(id: $w) { myRole members { role user { email } } } }",
      { w: workspaceId },
      viewer.token,
    );
    expect(seen.data?.workspace.myRole).toBe("VIEWER");
    expect(seen.data?.workspace.members.map((m) => [m.user.email, m.role])).toEqual([
      ["owner@example.com", "OWNER"],
      ["viv@example.com", "VIEWER"],
    ]);
    // A viewer cannot invite, and an admin cannot make owners.
    const refused = await t.gql(INVITE, { w: workspaceId, e: "x@example.com", r: "MEMBER" }, viewer.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await t.gql(
      "mutation($w: ID!, $u: ID!) { setMemberRole(workspaceId: $w, userId: $u, role: ADMIN) { role } }",
      { w: workspaceId, u: viewer.userId },
      owner.token,
    );
    const adminMakesOwner = await t.gql(INVITE, { w: workspaceId, e: "y@example.com", r: "OWNER" }, viewer.token);
    expect(adminMakesOwner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const adminInvites = await t.gql(INVITE, { w: workspaceId, e: "z@example.com", r: "MEMBER" }, viewer.token);
    expect(adminInvites.errors).toBeUndefined();
  });

  it("keeps at least one owner", async () => {
    const demote = await t.gql(
      "mutation($w: ID!, $u: ID!) { setMemberRole(workspaceId: $w, userId: $u, role: MEMBER) { role } }",
      { w: workspaceId, u: owner.userId },
      owner.token,
    );
    expect(demote.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "role" });
  });

  it("records who did what in the activity feed", async () => {
    const feed = await t.gql<{ workspace: { activity: { verb: string; actor: { email: string } | null }[] } }>(
      "query($w: ID!) { workspace(id: $w) { activity { verb actor { email } } } }",
      { w: workspaceId },
      owner.token,
    );
    const verbs = feed.data?.workspace.activity.map((a) => a.verb) ?? [];
    expect(verbs).toContain("workspace.created");
    expect(verbs).toContain("member.invited");
    expect(verbs).toContain("member.role_changed");
  });
});
