"use client";
import { graphql } from "../gql";
import { usePages } from "../lib/use-pages";
import { ErrorNote } from "./feedback";

const ServedQuery = graphql(`query ServedPredictions($w: ID!, $after: String) { workspace(id: $w) {
  predictions(first: 20, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { id createdAt latencyMs top { label probability } checkpoint { id step } } } } }`);

/** What the workspace served lately (API and playground alike), newest first, page by page. */
export function ServedPredictions({ workspaceId, version }: { workspaceId: string; version: number }) {
  const pages = usePages(ServedQuery, { w: workspaceId }, (d) => d.workspace.predictions, { key: String(version) });
  if (pages.error) return <ErrorNote error={pages.error} />;
  if (pages.nodes.length === 0) return null;
  return (
    <section className="card" aria-label="Recently served">
      <h2>Recently served</h2>
      <table aria-label="Served predictions">
        <thead>
          <tr>
            <th>When</th>
            <th>Answer</th>
            <th>Checkpoint</th>
            <th>Server time</th>
          </tr>
        </thead>
        <tbody>
          {pages.nodes.map((p) => (
            <tr key={p.id}>
              <td>{new Date(p.createdAt).toLocaleString()}</td>
              <td>{p.top[0] ? `${p.top[0].label} ${(p.top[0].probability * 100).toFixed(1)}%` : "unreadable image"}</td>
              <td>epoch {p.checkpoint.step}</td>
              <td>{p.latencyMs.toFixed(0)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages.hasMore && (
        <button type="button" className="secondary" onClick={() => void pages.loadMore()}>
          Show more
        </button>
      )}
    </section>
  );
}
