import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";

const CREATE = "mutation($n: String!) { createWorkspace(name: $n) { id slug myRole } }";
const INVITE =
  "mutation($w: ID!, $e: String!, $r: Role!) { inviteMember(workspaceId: $w, email: $e, role: $r) { token path invitation { id role } } }";
const ACCEPT = "mutation($t: String!) { acceptInvitation(token: $t) { id myRole } }";
type Invited = { inviteMember: { token: string; path: string; invitation: { id: string; role: string } } };

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

  it("an invitation is a one-time link: signing up with the address joins nothing, the link joins once", async () => {
    const invited = await t.gql<Invited>(INVITE, { w: workspaceId, e: "Viv@Example.com", r: "VIEWER" }, owner.token);
    const link = invited.data?.inviteMember;
    expect(link?.path).toBe(`/invite/${link?.token}`);
    expect(await t.db.invitation.count({ where: { tokenHash: link?.token } })).toBe(0); // only a hash is stored
    // Whoever signs up with the invited address first (unverified) gets nothing.
    const viewer = await t.signUp("viv@example.com", "Viv");
    const before = await t.gql("query($w: ID!) { workspace(id: $w) { id } }", { w: workspaceId }, viewer.token);
    expect(before.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const preview = await t.gql<{ invitation: { workspaceName: string; role: string } }>(
      "query($t: String!) { invitation(token: $t) { workspaceName role } }",
      { t: link?.token },
    );
    expect(preview.data?.invitation).toEqual({ workspaceName: "Botany Lab", role: "VIEWER" });
    const anonymous = await t.gql(ACCEPT, { t: link?.token });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const wrong = await t.gql(ACCEPT, { t: `${link?.token}x` }, viewer.token);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const accepted = await t.gql<{ acceptInvitation: { myRole: string } }>(ACCEPT, { t: link?.token }, viewer.token);
    expect(accepted.data?.acceptInvitation.myRole).toBe("VIEWER");
    const again = await t.gql(ACCEPT, { t: link?.token }, (await t.signUp("late@example.com")).token);
    expect(again.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    type Seen = {
      workspace: {
        myRole: string;
        myPermissions: Record<string, boolean>;
        members: { role: string; user: { email: string } }[];
      };
    };
    const seen = await t.gql<Seen>(
      "query($w: ID!) { workspace(id: $w) { myRole myPermissions { read predict write train manageMembers destroy manageWorkspace } members { role user { email } } } }",
      { w: workspaceId },
      viewer.token,
    );
    expect(seen.data?.workspace.myRole).toBe("VIEWER");
    // What the dashboard hides comes from the API's own role rules.
    expect(seen.data?.workspace.myPermissions).toEqual({
      read: true,
      predict: true,
      write: false,
      train: false,
      manageMembers: false,
      destroy: false,
      manageWorkspace: false,
    });
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
    const asAdmin = await t.gql<Seen>(
      "query($w: ID!) { workspace(id: $w) { myPermissions { write destroy manageMembers manageWorkspace } } }",
      { w: workspaceId },
      viewer.token,
    );
    expect(asAdmin.data?.workspace.myPermissions).toEqual({
      write: true,
      destroy: true,
      manageMembers: true,
      manageWorkspace: false,
    });
  });

  it("expired and revoked links do not work", async () => {
    const revoked = await t.gql<Invited>(INVITE, { w: workspaceId, e: "rev@example.com", r: "MEMBER" }, owner.token);
    const id = revoked.data?.inviteMember.invitation.id;
    const revoke = await t.gql(
      "mutation($w: ID!, $id: ID!) { revokeInvitation(workspaceId: $w, id: $id) }",
      { w: workspaceId, id },
      owner.token,
    );
    expect(revoke.errors).toBeUndefined();
    const person = await t.signUp("rev@example.com");
    const taken = await t.gql(ACCEPT, { t: revoked.data?.inviteMember.token }, person.token);
    expect(taken.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const expiring = await t.gql<Invited>(INVITE, { w: workspaceId, e: "exp@example.com", r: "MEMBER" }, owner.token);
    await t.db.invitation.update({
      where: { id: expiring.data?.inviteMember.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await t.gql(ACCEPT, { t: expiring.data?.inviteMember.token }, person.token);
    expect(late.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
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
    const feed = await t.gql<{
      workspace: { activity: { nodes: { verb: string; actor: { email: string } | null }[] } };
    }>(
      "query($w: ID!) { workspace(id: $w) { activity { nodes { verb actor { email } } } } }",
      { w: workspaceId },
      owner.token,
    );
    const verbs = feed.data?.workspace.activity.nodes.map((a) => a.verb) ?? [];
    expect(verbs).toContain("workspace.created");
    expect(verbs).toContain("member.invited");
    expect(verbs).toContain("member.role_changed");
    expect(verbs).toContain("member.joined");
    expect(verbs).toContain("invitation.revoked");
  });
});
