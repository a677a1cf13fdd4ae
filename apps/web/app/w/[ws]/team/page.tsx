"use client";
import { type FormEvent, useState } from "react";
import { ErrorNote, Loading } from "../../../../components/feedback";
import { useWorkspace } from "../../../../components/workspace-context";
import { can, gql, type Role, useQuery } from "../../../../lib/api";

interface Data {
  workspace: {
    members: { role: Role; user: { id: string; name: string; email: string } }[];
    invitations: { id: string; email: string; role: Role }[];
  };
}
const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const ROLE_HELP = "Owners and admins manage members; members upload and train; viewers read and predict.";

/** Members and roles; owners and admins invite, change roles and remove. */
export default function TeamPage() {
  const workspace = useWorkspace();
  const manage = can(workspace.role, "ADMIN");
  const { data, error, mutate } = useQuery<Data>(
    "query($w: ID!) { workspace(id: $w) { members { role user { id name email } } invitations { id email role } } }",
    { w: workspace.id },
  );
  const [actionError, setActionError] = useState<unknown>(null);
  const run = async (query: string, variables: Record<string, unknown>) => {
    try {
      await gql(query, { w: workspace.id, ...variables });
      setActionError(null);
      await mutate();
    } catch (e) {
      setActionError(e);
    }
  };
  function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(
      "mutation($w: ID!, $e: String!, $r: Role!) { inviteMember(workspaceId: $w, email: $e, role: $r) { id } }",
      { e: form.get("email"), r: form.get("role") },
    );
    event.currentTarget.reset();
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
                      void run(
                        "mutation($w: ID!, $u: ID!, $r: Role!) { setMemberRole(workspaceId: $w, userId: $u, role: $r) { role } }",
                        { u: m.user.id, r: e.target.value },
                      )
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
                  <button
                    type="button"
                    className="link danger"
                    onClick={() =>
                      confirm(`Remove ${m.user.email}?`) &&
                      void run("mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }", {
                        u: m.user.id,
                      })
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
                <span className="muted">accepted when they sign up or sign in</span>
              </li>
            ))}
          </ul>
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
    </section>
  );
}
