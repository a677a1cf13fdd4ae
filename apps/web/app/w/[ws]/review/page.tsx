"use client";
import { useState } from "react";
import { EmptyState, ErrorNote, Loading } from "../../../../components/feedback";
import { useWorkspace } from "../../../../components/workspace-context";
import { graphql } from "../../../../gql";
import type { Split } from "../../../../gql/graphql";
import { gql } from "../../../../lib/api";
import { usePages } from "../../../../lib/use-pages";

const QueueQuery = graphql(`query ReviewQueue($w: ID!, $after: String) { workspace(id: $w) {
  reviewQueue(first: 20, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { id createdAt alias unknown label confidence margin thumbnailDataUrl checkpoint { labels } } } } }`);
const Label = graphql(`mutation LabelServed($p: ID!, $l: String!, $s: Split) {
  labelServedPrediction(predictionId: $p, label: $l, split: $s) { imageId status } }`);
const Dismiss = graphql(`mutation DismissServed($p: ID!) { dismissServedPrediction(predictionId: $p) }`);

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(0)}%`);

/** Served images the model was unsure of: a member labels each in one click, and it joins the dataset. */
export default function ReviewPage() {
  const workspace = useWorkspace();
  const queue = usePages(QueueQuery, { w: workspace.id }, (d) => d.workspace.reviewQueue);
  const [split, setSplit] = useState<Split>("TRAIN");
  const [error, setError] = useState<unknown>(null);
  const canWrite = workspace.can.write;
  if (queue.error) return <ErrorNote error={queue.error} />;
  if (queue.loading) return <Loading />;
  const act = (change: Promise<unknown>) => void change.then(() => queue.mutate()).catch((e: unknown) => setError(e));
  return (
    <section>
      <h1>Review</h1>
      <p className="muted">
        Images served with keep: true that the model answered "don't know", or with under 20% lead over its runner-up.
        Labelled ones join the dataset the model was trained on, for the next run.
      </p>
      {canWrite && (
        <label>
          Add to split
          <select value={split} onChange={(e) => setSplit(e.target.value as Split)}>
            <option>TRAIN</option>
            <option>VALIDATION</option>
            <option>TEST</option>
          </select>
        </label>
      )}
      <ErrorNote error={error} />
      {queue.nodes.length === 0 && (
        <EmptyState title="Nothing to review">
          Predictions kept for review appear here (allow it in Team, then predict with keep: true).
        </EmptyState>
      )}
      <ul className="plain">
        {queue.nodes.map((p) => (
          <li key={p.id} className="finding">
            {/* biome-ignore lint/performance/noImgElement: a data URL of the kept thumbnail */}
            <img
              src={p.thumbnailDataUrl ?? ""}
              alt={p.unknown ? "Sent for prediction, answered don't know" : `Sent for prediction, answered ${p.label}`}
              width={96}
              height={96}
            />
            <div className="finding-body">
              <p>
                {p.unknown ? "Don't know" : `Answered ${p.label} (${pct(p.confidence)}, lead ${pct(p.margin)})`}
                {p.alias && <span className="muted"> · via {p.alias}</span>}
              </p>
              {canWrite && (
                <div className="actions">
                  {p.checkpoint.labels.map((label) => (
                    <button
                      key={label}
                      type="button"
                      className="secondary"
                      onClick={() => act(gql(Label, { p: p.id, l: label, s: split }))}
                    >
                      {label}
                    </button>
                  ))}
                  <button type="button" className="link" onClick={() => act(gql(Dismiss, { p: p.id }))}>
                    Dismiss
                  </button>
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
      {queue.hasMore && (
        <button type="button" onClick={() => void queue.loadMore()}>
          Show more
        </button>
      )}
    </section>
  );
}
