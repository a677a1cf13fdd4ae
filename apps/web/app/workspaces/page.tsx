"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { EmptyState, ErrorNote, Loading } from "../../components/feedback";
import { graphql } from "../../gql";
import { gql, useQuery } from "../../lib/api";

const WorkspacesQuery = graphql(`query Workspaces { me { name } workspaces { id name myRole } }`);
const CreateWorkspace = graphql(`mutation CreateWorkspace($name: String!) { createWorkspace(name: $name) { id } }`);

/** After sign-in: your workspaces, and a form to start one. */
export default function WorkspacesPage() {
  const router = useRouter();
  const { data, error, mutate } = useQuery(WorkspacesQuery);
  const [createError, setCreateError] = useState<unknown>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const name = String(new FormData(event.currentTarget).get("name"));
      const { createWorkspace } = await gql(CreateWorkspace, { name });
      await mutate();
      router.push(`/w/${createWorkspace.id}/datasets`);
    } catch (e) {
      setCreateError(e);
    }
  }

  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  if (!data.me)
    return (
      <EmptyState title="You are signed out">
        <Link href="/signin">Sign in</Link> or <Link href="/signup">create an account</Link>.
      </EmptyState>
    );
  return (
    <section className="card narrow">
      <h1>Welcome, {data.me.name}</h1>
      {data.workspaces.length === 0 ? (
        <p>You are not in a workspace yet. Create one for your team, or ask a colleague to invite your email.</p>
      ) : (
        <ul className="plain">
          {data.workspaces.map((w) => (
            <li key={w.id}>
              <Link href={`/w/${w.id}/datasets`}>{w.name}</Link> <span className="badge">{w.myRole}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} className="inline">
        <label>
          New workspace
          <input name="name" required placeholder="Plant lab" />
        </label>
        <button type="submit">Create workspace</button>
      </form>
      <ErrorNote error={createError} />
    </section>
  );
}
