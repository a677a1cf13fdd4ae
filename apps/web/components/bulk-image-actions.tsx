"use client";
import { useState } from "react";
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
/** Ids per request: a selection of 10,000 images goes as ten requests of a bounded size. */
const CHUNK = 1_000;
/** The most one action changes: past it, narrow the filters or act in parts. */
export const MAX_BULK = 20_000;

/**
 * Relabel, move to a split or delete the selected images (the grid's checkboxes and ranges, the map's lasso).
 * `ids` gives the selection's ids when an action runs (the grid reads them then, its selection being ranges).
 */
export function BulkImageActions({
  count,
  ids,
  labels,
  onDone,
  onError,
  onClear,
}: {
  count: number;
  ids: () => Promise<string[]>;
  onClear?: () => void;
  labels: { id: string; name: string }[];
  onDone: () => void | Promise<void>;
  onError: (error: unknown) => void;
}) {
  const [working, setWorking] = useState<string | null>(null);
  async function run(what: string, change: (chunk: string[]) => Promise<unknown>) {
    try {
      setWorking(`${what}…`);
      const all = await ids();
      for (let i = 0; i < all.length; i += CHUNK) {
        setWorking(`${what} ${Math.min(i + CHUNK, all.length)} / ${all.length}…`);
        await change(all.slice(i, i + CHUNK));
      }
      await onDone();
    } catch (e) {
      onError(e);
    } finally {
      setWorking(null);
    }
  }
  if (count > MAX_BULK)
    return (
      <fieldset className="toolbar bulk" aria-label="Selected images">
        <b>{count.toLocaleString("en")} selected</b>
        <span>Act on at most {MAX_BULK.toLocaleString("en")} images at a time: narrow the filters or the range.</span>
        {onClear && (
          <button type="button" className="secondary" onClick={onClear}>
            Clear selection
          </button>
        )}
      </fieldset>
    );
  return (
    <fieldset className="toolbar bulk" aria-label="Selected images" disabled={working !== null}>
      <b>{count.toLocaleString("en")} selected</b>
      {working && <span role="status">{working}</span>}
      <select
        aria-label="Relabel selected"
        defaultValue=""
        onChange={(e) => {
          const l = e.target.value;
          if (l) void run("Relabelling", (chunk) => gql(RelabelImages, { ids: chunk, l }));
        }}
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
        onChange={(e) => {
          const split = e.target.value as Split;
          if (split) void run("Moving", (chunk) => gql(MoveImages, { ids: chunk, s: split }));
        }}
      >
        <option value="">Move to split…</option>
        {SPLITS.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <button
        type="button"
        className="danger"
        onClick={() =>
          confirm(`Delete ${count} images?`) && void run("Deleting", (chunk) => gql(DeleteImages, { ids: chunk }))
        }
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
