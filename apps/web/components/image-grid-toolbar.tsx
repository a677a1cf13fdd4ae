"use client";
import { useEffect, useId, useState } from "react";
import type { GridSort, GridSplit, GridView } from "../lib/grid-view";
import { SPLITS } from "./bulk-image-actions";
import type { LabellingSource } from "./labelling-source";

const ORDERS: { value: string; label: string; needsCheckpoint?: boolean }[] = [
  { value: "added:asc", label: "Added, oldest first" },
  { value: "added:desc", label: "Added, newest first" },
  { value: "name:asc", label: "Name, A to Z" },
  { value: "name:desc", label: "Name, Z to A" },
  { value: "confidence:asc", label: "Confidence, least sure first", needsCheckpoint: true },
  { value: "confidence:desc", label: "Confidence, surest first", needsCheckpoint: true },
];

/** Search (applied once typing pauses), order, filters and the checkpoint whose suggestions show. */
export function ImageGridToolbar({
  view,
  onChange,
  labels,
  sources,
  checkpointId,
  total,
}: {
  view: GridView;
  onChange: (change: Partial<GridView>) => void;
  labels: { id: string; name: string }[];
  sources: LabellingSource[];
  /** The checkpoint in use (the URL's, else the production alias). */
  checkpointId: string | null;
  total: number | null;
}) {
  const [search, setSearch] = useState(view.search);
  useEffect(() => setSearch(view.search), [view.search]);
  useEffect(() => {
    if (search === view.search) return;
    const typing = setTimeout(() => onChange({ search }), 250);
    return () => clearTimeout(typing);
  }, [search, view.search, onChange]);
  const withCheckpoints = sources.filter((s) => s.checkpointId);
  // Selects are labelled by id, not wrapped: a wrapping label's name would take in every option's text.
  const id = useId();
  return (
    <div className="toolbar">
      <label>
        Search
        <input type="search" value={search} placeholder="File name" onChange={(e) => setSearch(e.target.value)} />
      </label>
      <div className="field">
        <label htmlFor={`${id}-order`}>Order</label>
        <select
          id={`${id}-order`}
          value={`${view.sort}:${view.descending ? "desc" : "asc"}`}
          onChange={(e) => {
            const [sort, direction] = e.target.value.split(":");
            onChange({ sort: sort as GridSort, descending: direction === "desc" });
          }}
        >
          {ORDERS.filter((o) => !o.needsCheckpoint || checkpointId).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <select
          id={`${id}-label`}
          value={view.labelId ?? ""}
          onChange={(e) => onChange({ labelId: e.target.value || null, unlabelled: false })}
        >
          <option value="">All labels</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-split`}>Split</label>
        <select
          id={`${id}-split`}
          value={view.split ?? ""}
          onChange={(e) => onChange({ split: (e.target.value || null) as GridSplit })}
        >
          <option value="">All splits</option>
          {SPLITS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={view.unlabelled}
          onChange={(e) => onChange({ labelId: null, unlabelled: e.target.checked })}
        />
        Unlabelled only
      </label>
      <label className="check">
        <input type="checkbox" checked={view.failed} onChange={(e) => onChange({ failed: e.target.checked })} />
        Failed extraction only
      </label>
      {withCheckpoints.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-source`}>Suggestions from</label>
          <select
            id={`${id}-source`}
            value={checkpointId ?? "none"}
            onChange={(e) => {
              const checkpoint = e.target.value;
              onChange(
                checkpoint === "none" && view.sort === "confidence"
                  ? { checkpoint, sort: "added", descending: false }
                  : { checkpoint },
              );
            }}
          >
            <option value="none">No suggestions</option>
            {withCheckpoints.map((s) => (
              <option key={s.checkpointId} value={s.checkpointId ?? ""}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <span className="muted" role="status">
        {total === null ? "…" : `${total.toLocaleString("en")} images`}
      </span>
    </div>
  );
}
