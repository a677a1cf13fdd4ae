"use client";
import Link from "next/link";
import { useParams, usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { EmptyState, ErrorNote, Loading } from "../../../components/feedback";
import { RunNotifier } from "../../../components/run-notifier";
import { WorkerBanner } from "../../../components/worker-banner";
import { WorkspaceContext } from "../../../components/workspace-context";
import { graphql } from "../../../gql";
import { gql, useQuery } from "../../../lib/api";

const ShellQuery = graphql(
  `query Shell { me { name email } workspaces { id name myRole myPermissions { write train manageMembers manageWebhooks destroy manageWorkspace } } }`,
);
const SignOut = graphql(`mutation SignOut { signOut }`);

const SECTIONS = [
  ["datasets", "Datasets"],
  ["experiments", "Experiments"],
  ["predict", "Predict"],
  ["review", "Review"],
  ["activity", "Activity"],
  ["team", "Team"],
  ["tokens", "API tokens"],
  ["webhooks", "Webhooks"],
] as const;

/** Every workspace page: navigation, the workspace switcher, who is signed in. */
export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { ws } = useParams<{ ws: string }>();
  const pathname = usePathname();
  const router = useRouter();
  const { data, error } = useQuery(ShellQuery);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  if (!data.me)
    return (
      <EmptyState title="Please sign in">
        <Link href="/signin">Sign in</Link> to open this workspace.
      </EmptyState>
    );
  const current = data.workspaces.find((w) => w.id === ws);
  if (!current)
    return (
      <EmptyState title="Workspace not found">
        It may have been deleted, or you are not a member. <Link href="/workspaces">Your workspaces</Link>
      </EmptyState>
    );
  const section = pathname.split("/")[3] ?? "datasets";

  async function signOut() {
    await gql(SignOut);
    router.push("/signin");
  }

  return (
    <WorkspaceContext.Provider
      value={{ id: current.id, name: current.name, role: current.myRole, can: current.myPermissions }}
    >
      <div className="shell">
        <nav className="sidebar" aria-label="Workspace">
          <label className="switcher">
            Workspace
            <select value={current.id} onChange={(e) => router.push(`/w/${e.target.value}/${section}`)}>
              {data.workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <ul>
            {SECTIONS.filter(([path]) => path !== "webhooks" || current.myPermissions.manageWebhooks).map(
              ([path, title]) => (
                <li key={path}>
                  <Link href={`/w/${ws}/${path}`} aria-current={section === path ? "page" : undefined}>
                    {title}
                  </Link>
                </li>
              ),
            )}
          </ul>
          <div className="who">
            <span>{data.me.email}</span>
            <span className="badge">{current.myRole}</span>
            <Link href="/account">Account</Link>
            <button type="button" className="link" onClick={signOut}>
              Sign out
            </button>
          </div>
        </nav>
        <div className="content">
          <WorkerBanner />
          <RunNotifier workspaceId={current.id} />
          {children}
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}
