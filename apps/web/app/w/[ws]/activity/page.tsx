"use client";
import { EmptyState, ErrorNote, Loading } from "../../../../components/feedback";
import { useWorkspace } from "../../../../components/workspace-context";
import { graphql } from "../../../../gql";
import { usePages } from "../../../../lib/use-pages";

const ActivityQuery = graphql(`query Activity($w: ID!, $after: String) { workspace(id: $w) {
  activity(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { id verb subjectType createdAt detail actor { name } } } } }`);
const WORDS: Record<string, string> = {
  "dataset.created": "created a dataset",
  "experiment.created": "created an experiment",
  "run.started": "started a training run",
  "run.resumed": "resumed training from a checkpoint",
  "checkpoint.promoted": "promoted a checkpoint",
  "checkpoint.parity_failed": "tried to promote a checkpoint",
  "checkpoint.threshold_changed": "changed a checkpoint's target precision",
  "comment.created": "commented",
  "member.invited": "invited a member",
  "base_model.registered": "registered a base model",
  "dataset.deleted": "deleted a dataset",
  "member.removed": "removed a member",
  "member.role_changed": "changed a member's role",
  "workspace.created": "created the workspace",
  "workspace.renamed": "renamed the workspace",
  "experiment.renamed": "renamed an experiment",
  "experiment.deleted": "deleted an experiment",
  "run.deleted": "deleted a run",
  "alias.removed": "removed an alias",
  "base_model.deleted": "deleted a base model",
  "member.left": "left the workspace",
  "member.joined": "joined the workspace",
  "invitation.revoked": "withdrew an invitation",
};

/** Who did what in the workspace, newest first. */
export default function ActivityPage() {
  const workspace = useWorkspace();
  const pages = usePages(ActivityQuery, { w: workspace.id }, (data) => data.workspace.activity);
  if (pages.error) return <ErrorNote error={pages.error} />;
  if (pages.loading) return <Loading />;
  return (
    <section>
      <h1>Activity</h1>
      {pages.nodes.length === 0 && (
        <EmptyState title="Nothing has happened yet">Create a dataset to get started.</EmptyState>
      )}
      <ol className="plain activity">
        {pages.nodes.map((a) => (
          <li key={a.id}>
            <b>{a.actor?.name ?? "Someone"}</b> {WORDS[a.verb] ?? a.verb}
            {a.detail && `: ${a.detail}`} <time className="muted">{new Date(a.createdAt).toLocaleString()}</time>
          </li>
        ))}
      </ol>
      {pages.hasMore && (
        <button type="button" onClick={() => void pages.loadMore()}>
          Show older
        </button>
      )}
    </section>
  );
}
