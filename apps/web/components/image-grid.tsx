"use client";
import { useState } from "react";
import { graphql } from "../gql";
import type { Split } from "../gql/graphql";
import { usePages } from "../lib/use-pages";
import { BulkImageActions, SPLITS } from "./bulk-image-actions";
import { EmptyState, ErrorNote } from "./feedback";

interface Label {
  id: string;
  name: string;
}
const ImagesQuery = graphql(`query Images($d: ID!, $label: ID, $split: Split, $unlabelled: Boolean, $failed: Boolean,
  $after: String) {
  images(datasetId: $d, labelId: $label, split: $split, unlabelled: $unlabelled, failed: $failed, first: 60, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id originalName labelId split thumbnailUrl } } }`);

function Thumb({ img, caption }: { img: { thumbnailUrl: string; originalName: string }; caption: string }) {
  return (
    <>
      {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
      <img src={img.thumbnailUrl} alt={img.originalName} loading="lazy" width={96} height={96} />
      <span className="caption">{caption}</span>
    </>
  );
}

/** Thumbnails with filters, selection and bulk relabel / move / delete (for those who may write). */
export function ImageGrid({
  datasetId,
  labels,
  canWrite,
  version,
}: {
  datasetId: string;
  labels: Label[];
  canWrite: boolean;
  version: number;
}) {
  const [filter, setFilter] = useState({ label: "", split: "", unlabelled: false, failed: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const images = usePages(
    ImagesQuery,
    {
      d: datasetId,
      label: filter.label || null,
      split: (filter.split || null) as Split | null,
      unlabelled: filter.unlabelled || null,
      failed: filter.failed || null,
    },
    (data) => data.images,
    { key: String(version) },
  );
  const totalCount = images.first?.images.totalCount ?? 0;
  const nameOf = (id: string | null) => labels.find((l) => l.id === id)?.name ?? "unlabelled";

  const afterBulk = async () => {
    setSelected(new Set());
    setError(null);
    await images.mutate();
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section aria-label="Images">
      <div className="toolbar">
        <label>
          Label
          <select
            value={filter.label}
            onChange={(e) => setFilter({ ...filter, label: e.target.value, unlabelled: false })}
          >
            <option value="">All labels</option>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Split
          <select value={filter.split} onChange={(e) => setFilter({ ...filter, split: e.target.value })}>
            <option value="">All splits</option>
            {SPLITS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.unlabelled}
            onChange={(e) => setFilter({ ...filter, label: "", unlabelled: e.target.checked })}
          />
          Unlabelled only
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.failed}
            onChange={(e) => setFilter({ ...filter, failed: e.target.checked })}
          />
          Failed extraction only
        </label>
        <span className="muted">{totalCount} images</span>
      </div>
      {canWrite && selected.size > 0 && (
        <BulkImageActions ids={[...selected]} labels={labels} onDone={afterBulk} onError={setError} />
      )}
      <ErrorNote error={error} />
      {images.first && totalCount === 0 && (
        <EmptyState title="No images here">Drop images above, or change the filters.</EmptyState>
      )}
      <ul className="thumbs">
        {images.nodes.map((img) => (
          <li key={img.id} className={selected.has(img.id) ? "selected" : undefined}>
            {canWrite ? (
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(img.id)}
                  onChange={() => toggle(img.id)}
                  aria-label={`Select ${img.originalName}`}
                />
                <Thumb img={img} caption={`${nameOf(img.labelId)} · ${img.split.toLowerCase()}`} />
              </label>
            ) : (
              <Thumb img={img} caption={`${nameOf(img.labelId)} · ${img.split.toLowerCase()}`} />
            )}
          </li>
        ))}
      </ul>
      {images.hasMore && (
        <button type="button" onClick={() => void images.loadMore()}>
          Show more
        </button>
      )}
    </section>
  );
}
