"use client";
import { graphql } from "../gql";
import type { Split } from "../gql/graphql";
import { gql } from "../lib/api";

const RelabelImages = graphql(
  `mutation RelabelImages($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }`,
);
const MoveImages = graphql(
  `mutation MoveImages($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }`,
);
const DeleteImages = graphql(`mutation DeleteImages($ids: [ID!]!) { deleteImages(ids: $ids) }`);
export const SPLITS: Split[] = ["TRAIN", "VALIDATION", "TEST"];

/** Relabel, move to a split or delete the selected images (the grid's checkboxes, the map's lasso). */
export function BulkImageActions({
  ids,
  labels,
  onDone,
  onError,
  onClear,
}: {
  ids: string[];
  onClear?: () => void;
  labels: { id: string; name: string }[];
  onDone: () => void | Promise<void>;
  onError: (error: unknown) => void;
}) {
  async function run(change: Promise<unknown>) {
    try {
      await change;
      await onDone();
    } catch (e) {
      onError(e);
    }
  }
  return (
    <fieldset className="toolbar bulk" aria-label="Selected images">
      <b>{ids.length} selected</b>
      <select
        aria-label="Relabel selected"
        defaultValue=""
        onChange={(e) => e.target.value && void run(gql(RelabelImages, { ids, l: e.target.value }))}
      >
        <option value="">Relabel as…</option>
        {labels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Move selected to split"
        defaultValue=""
        onChange={(e) => e.target.value && void run(gql(MoveImages, { ids, s: e.target.value as Split }))}
      >
        <option value="">Move to split…</option>
        {SPLITS.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <button
        type="button"
        className="danger"
        onClick={() => confirm(`Delete ${ids.length} images?`) && void run(gql(DeleteImages, { ids }))}
      >
        Delete
      </button>
      {onClear && (
        <button type="button" className="secondary" onClick={onClear}>
          Clear selection
        </button>
      )}
    </fieldset>
  );
}
