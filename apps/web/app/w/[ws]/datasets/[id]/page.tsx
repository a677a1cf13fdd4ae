"use client";
import Link from "next/link";
import { useParams, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { DatasetHealth } from "../../../../../components/dataset-health";
import { DatasetRunComparison } from "../../../../../components/dataset-run-comparison";
import { ErrorNote, Loading } from "../../../../../components/feedback";
import { ImageGrid } from "../../../../../components/image-grid";
import { LabelManager } from "../../../../../components/label-manager";
import { LabelNextView } from "../../../../../components/label-next-view";
import { UploadPanel } from "../../../../../components/upload-panel";
import { useWorkspace } from "../../../../../components/workspace-context";
import { graphql } from "../../../../../gql";
import { useQuery } from "../../../../../lib/api";
import { readGridView } from "../../../../../lib/grid-view";
import { type LiveState, useSubscription } from "../../../../../lib/live";
import { checkpointOfView, prefetchFirstPage, windowVariables } from "../../../../../lib/use-image-window";

const DatasetQuery = graphql(`query Dataset($id: ID!) {
  dataset(id: $id) { id name labels { id name imageCount } splitCounts { train validation test unlabelled } } }`);
const DatasetUpdates = graphql(`subscription DatasetUpdates($id: ID!) { datasetUpdates(id: $id) { id } }`);

export default function DatasetPage() {
  const { id, ws } = useParams<{ id: string; ws: string }>();
  const search = useSearchParams();
  const tab = (["health", "label", "compare"] as const).find((t) => t === search.get("tab")) ?? "images";
  // Images to ring on the map (a confusion-matrix cell, a pre-run warning link).
  const highlight = new Set((search.get("highlight") ?? "").split(",").filter(Boolean));
  const workspace = useWorkspace();
  const [version, setVersion] = useState(0);
  const liveState = useRef<LiveState>("connecting");
  // Polled every 5 s only when changes cannot be pushed over the WebSocket.
  const { data, error, mutate } = useQuery(
    DatasetQuery,
    { id },
    { refreshInterval: () => (liveState.current === "polling" ? 5000 : 0) },
  );
  // The grid's first page is read alongside the dataset, not after it (the grid mounts once the dataset is in).
  const firstView = useRef(tab === "images" ? readGridView(new URLSearchParams(search.toString())) : null);
  useEffect(() => {
    const view = firstView.current;
    if (view) prefetchFirstPage(windowVariables(id, view, checkpointOfView(view, null)));
  }, [id]);
  const refresh = () => {
    void mutate();
    setVersion((v) => v + 1);
  };
  // Someone else's upload, import or relabel shows up here as it lands (the first update is the state now).
  const updates = useRef(0);
  liveState.current = useSubscription(DatasetUpdates, { id }, () => {
    if (updates.current++ > 0) refresh();
  });
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const { dataset } = data;
  const canWrite = workspace.can.write;
  const s = dataset.splitCounts;
  return (
    <section>
      <h1>{dataset.name}</h1>
      <p className="muted">
        train {s.train} · validation {s.validation} · test {s.test} · unlabelled {s.unlabelled}
      </p>
      <nav className="tabs" aria-label="Dataset views">
        <Link href={`/w/${ws}/datasets/${id}`} aria-current={tab === "images" ? "page" : undefined}>
          Images
        </Link>
        <Link href={`/w/${ws}/datasets/${id}?tab=health`} aria-current={tab === "health" ? "page" : undefined}>
          Health
        </Link>
        {canWrite && (
          <Link href={`/w/${ws}/datasets/${id}?tab=label`} aria-current={tab === "label" ? "page" : undefined}>
            Label next
          </Link>
        )}
        <Link href={`/w/${ws}/datasets/${id}?tab=compare`} aria-current={tab === "compare" ? "page" : undefined}>
          Compare models
        </Link>
      </nav>
      {tab === "compare" ? (
        <DatasetRunComparison datasetId={dataset.id} />
      ) : tab === "health" ? (
        <DatasetHealth datasetId={dataset.id} canWrite={canWrite} highlight={highlight} />
      ) : tab === "label" && canWrite ? (
        <LabelNextView datasetId={dataset.id} labels={dataset.labels} onChange={() => void mutate()} />
      ) : (
        <>
          {canWrite && <UploadPanel datasetId={dataset.id} onUploaded={refresh} />}
          {canWrite && <LabelManager datasetId={dataset.id} labels={dataset.labels} onChange={refresh} />}
          <ImageGrid datasetId={dataset.id} labels={dataset.labels} canWrite={canWrite} version={version} />
        </>
      )}
    </section>
  );
}
