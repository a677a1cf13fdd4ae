"use client";
import { type FormEvent, useState } from "react";
import { ErrorNote, Loading } from "../../../../components/feedback";
import { useWorkspace } from "../../../../components/workspace-context";
import { WorkspaceSettings } from "../../../../components/workspace-settings";
import { graphql } from "../../../../gql";
import { gql, type Role, useQuery } from "../../../../lib/api";

const TeamQuery = graphql(`query Team($w: ID!) { workspace(id: $w) {
  members { role user { id name email } } invitations { id email role expiresAt } } }`);
const InviteMember = graphql(`mutation InviteMember($w: ID!, $e: String!, $r: Role!) {
  inviteMember(workspaceId: $w, email: $e, role: $r) { path } }`);
const SetMemberRole = graphql(`mutation SetMemberRole($w: ID!, $u: ID!, $r: Role!) {
  setMemberRole(workspaceId: $w, userId: $u, role: $r) { role } }`);
const RemoveMember = graphql(`mutation RemoveMember($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }`);
const RevokeInvitation = graphql(
  `mutation RevokeInvitation($w: ID!, $id: ID!) { revokeInvitation(workspaceId: $w, id: $id) }`,
);
const CreateResetLink = graphql(`mutation CreatePasswordResetLink($w: ID!, $u: ID!) {
  createPasswordResetLink(workspaceId: $w, memberId: $u) { path } }`);
const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const ROLE_HELP = "Owners and admins manage members; members upload and train; viewers read and predict.";

/** Members and roles; owners and admins invite, change roles and remove. */
export default function TeamPage() {
  const workspace = useWorkspace();
  const manage = workspace.can.manageMembers;
  const { data, error, mutate } = useQuery(TeamQuery, { w: workspace.id });
  const [actionError, setActionError] = useState<unknown>(null);
  const [link, setLink] = useState<{ email: string; url: string; kind: "invitation" | "reset" } | null>(null);
  const run = async <T,>(change: (w: string) => Promise<T>) => {
    try {
      const result = await change(workspace.id);
      setActionError(null);
      await mutate();
      return result;
    } catch (e) {
      setActionError(e);
    }
  };
  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const created = await run((w) =>
      gql(InviteMember, { w, e: String(form.get("email")), r: String(form.get("role")) as Role }),
    );
    if (!created) return;
    // The link is shown this once (only its hash is stored): the inviter copies it and sends it.
    setLink({
      email: String(form.get("email")),
      url: `${window.location.origin}${created.inviteMember.path}`,
      kind: "invitation",
    });
    formElement.reset();
  }
  async function resetLink(userId: string, email: string) {
    if (!confirm(`Make a one-time password reset link for ${email}? Using it ends all their sessions.`)) return;
    const created = await run((w) => gql(CreateResetLink, { w, u: userId }));
    if (created)
      setLink({ email, url: `${window.location.origin}${created.createPasswordResetLink.path}`, kind: "reset" });
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <section>
      <h1>Team</h1>
      <p className="muted">{ROLE_HELP}</p>
      <table aria-label="Members">
        <tbody>
          {data.workspace.members.map((m) => (
            <tr key={m.user.id}>
              <td>{m.user.name}</td>
              <td>{m.user.email}</td>
              <td>
                {manage ? (
                  <select
                    aria-label={`Role of ${m.user.email}`}
                    value={m.role}
                    onChange={(e) =>
                      void run((w) => gql(SetMemberRole, { w, u: m.user.id, r: e.target.value as Role }))
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  <span className="badge">{m.role}</span>
                )}
              </td>
              {manage && (
                <td>
                  <button type="button" className="link" onClick={() => void resetLink(m.user.id, m.user.email)}>
                    Reset link
                  </button>{" "}
                  <button
                    type="button"
                    className="link danger"
                    onClick={() =>
                      confirm(`Remove ${m.user.email}?`) && void run((w) => gql(RemoveMember, { w, u: m.user.id }))
                    }
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {manage && (
        <>
          <h2>Invitations</h2>
          <ul className="plain">
            {data.workspace.invitations.map((i) => (
              <li key={i.id}>
                {i.email} <span className="badge">{i.role}</span>{" "}
                <span className="muted">link valid until {new Date(i.expiresAt).toLocaleDateString()}</span>{" "}
                <button
                  type="button"
                  className="link danger"
                  onClick={() =>
                    confirm(`Withdraw the invitation for ${i.email}? Its link stops working.`) &&
                    void run((w) => gql(RevokeInvitation, { w, id: i.id }))
                  }
                >
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
          {link && (
            <div role="status" className="card">
              <p>
                Send this {link.kind === "reset" ? "password reset link" : "link"} to {link.email}. It is shown once,
                works once, and expires in {link.kind === "reset" ? "24 hours" : "14 days"}:
              </p>
              <p>
                <input
                  readOnly
                  value={link.url}
                  aria-label={link.kind === "reset" ? "Password reset link" : "Invitation link"}
                  onFocus={(e) => e.currentTarget.select()}
                />{" "}
                <button type="button" onClick={() => void navigator.clipboard?.writeText(link.url)}>
                  Copy link
                </button>
              </p>
            </div>
          )}
          <form onSubmit={invite} className="inline card">
            <label>
              Email
              <input name="email" type="email" required />
            </label>
            <label>
              Role
              <select name="role" defaultValue="MEMBER">
                {ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <button type="submit">Invite</button>
          </form>
        </>
      )}
      <ErrorNote error={actionError} />
      <WorkspaceSettings />
    </section>
  );
}
