"use client";
import { graphql } from "../gql";
import { useQuery } from "../lib/api";

const Sources = graphql(`query LabellingSources($d: ID!) { dataset(id: $d) { id experiments {
  id name baseModelId aliases { name checkpoint { id } } runs(last: 3) { nodes { checkpoints { id } } } } } }`);

export interface LabellingSource {
  /** The checkpoint whose doubt orders the images and whose answers are suggested; null: vectors only. */
  checkpointId: string | null;
  baseModelId: string | null;
  label: string;
}

/**
 * The checkpoints that can order and pre-label a dataset's images: each experiment on it, by its production
 * alias (else its latest checkpoint), first one chosen by default.
 */
export function useLabellingSources(datasetId: string) {
  const { data, error } = useQuery(Sources, { d: datasetId });
  const sources: LabellingSource[] = [];
  for (const e of data?.dataset?.experiments ?? []) {
    const production = e.aliases.find((a) => a.name === "production")?.checkpoint.id;
    const latest = e.runs.nodes.flatMap((r) => r.checkpoints.map((c) => c.id)).at(-1);
    const checkpointId = production ?? latest ?? null;
    sources.push({
      checkpointId,
      baseModelId: e.baseModelId,
      label: `${e.name} (${checkpointId ? (production ? "production" : "latest checkpoint") : "no checkpoint yet"})`,
    });
  }
  return { sources, loading: !data && !error, error };
}

/** A select of the sources; its value is the index into them. */
export function LabellingSourcePicker({
  sources,
  value,
  onChange,
}: {
  sources: LabellingSource[];
  value: number;
  onChange: (index: number) => void;
}) {
  return (
    <label>
      Order and suggest with
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {sources.map((s, i) => (
          <option key={`${s.checkpointId}-${s.baseModelId}`} value={i}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
