"use client";
import { graphql } from "../gql";
import { useQuery } from "../lib/api";
import { ErrorNote, Loading } from "./feedback";
import { RunComparison } from "./run-comparison";

const DatasetRuns = graphql(`query DatasetRuns($d: ID!) { dataset(id: $d) { id experiments {
  id name baseModel { name } runs(last: 10) { nodes { id status } } } } }`);

/**
 * Runs of every experiment on a dataset (say one on MobileNetV2-0.35, one on EfficientNet-B0), paired on the
 * test images they share: the same test as inside one experiment, across base models.
 */
export function DatasetRunComparison({ datasetId }: { datasetId: string }) {
  const { data, error } = useQuery(DatasetRuns, { d: datasetId });
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const runs = (data.dataset?.experiments ?? []).flatMap((e) =>
    e.runs.nodes.flatMap((r, i) =>
      r.status === "SUCCEEDED" ? [{ id: r.id, name: `${e.name} · ${e.baseModel.name} · run ${i + 1}` }] : [],
    ),
  );
  if (runs.length < 2)
    return (
      <p className="muted">
        Two finished runs on this dataset are needed (two experiments, say on two base models, or two runs of one).
      </p>
    );
  return <RunComparison runs={runs} />;
}
