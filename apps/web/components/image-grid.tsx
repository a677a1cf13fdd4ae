"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { type GridView, readGridView, showsOtherImages, writeGridView } from "../lib/grid-view";
import { selectedCount, toggled, withRange } from "../lib/position-ranges";
import { checkpointOfView, type GridImage, useImageWindow, windowVariables } from "../lib/use-image-window";
import { BulkImageActions } from "./bulk-image-actions";
import { EmptyState, ErrorNote } from "./feedback";
import { ImageGridToolbar } from "./image-grid-toolbar";
import { useLabellingSources } from "./labelling-source";
import { RangeSelect } from "./range-select";
import { VirtualThumbs } from "./virtual-thumbs";

interface Label {
  id: string;
  name: string;
}

/**
 * A dataset's images in a virtualised grid: search, order, filters, suggestions from a checkpoint and the
 * selection all live in the URL (a link shows the same view); select by click, shift-click or a range, then
 * relabel, move or delete (for those who may write).
 */
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
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view = readGridView(new URLSearchParams(params.toString()));
  const { sources } = useLabellingSources(datasetId);
  // Suggestions by default from an experiment's production alias, if there is one.
  const production = sources.find((s) => s.label.endsWith("(production)"))?.checkpointId ?? null;
  const checkpointId = checkpointOfView(view, production);
  const [bulkVersion, setBulkVersion] = useState(0);
  const images = useImageWindow(windowVariables(datasetId, view, checkpointId), version + bulkVersion);
  const [error, setError] = useState<unknown>(null);
  const anchor = useRef<number | null>(null);

  const change = useCallback(
    (next: Partial<GridView>) => {
      const current = readGridView(new URLSearchParams(window.location.search));
      const merged = { ...current, ...next };
      if (showsOtherImages(current, merged) && !next.selection) merged.selection = [];
      const query = writeGridView(new URLSearchParams(window.location.search), merged).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const nameOf = (id: string | null | undefined) => labels.find((l) => l.id === id)?.name ?? "unlabelled";
  const caption = (image: GridImage) => {
    const said = image.suggestion;
    const suggestion = said ? ` · ${said.label ?? "?"} ${Math.round(said.confidence * 100)}%` : "";
    return `${nameOf(image.labelId)} · ${image.split.toLowerCase()}${suggestion}`;
  };
  const pick = (position: number, extend: boolean) => {
    const from = anchor.current;
    change({
      selection:
        extend && from !== null ? withRange(view.selection, from, position) : toggled(view.selection, position),
    });
    anchor.current = position;
  };
  const total = images.total;
  const count = selectedCount(view.selection);

  return (
    <section aria-label="Images">
      <ImageGridToolbar
        view={view}
        onChange={change}
        labels={labels}
        sources={sources}
        checkpointId={checkpointId}
        total={total}
      />
      {canWrite && total !== null && total > 0 && (
        <RangeSelect
          total={total}
          onSelect={(from, to) => change({ selection: withRange(view.selection, from, to) })}
        />
      )}
      {canWrite && count > 0 && (
        <BulkImageActions
          count={count}
          ids={() => images.idsAt(view.selection)}
          labels={labels}
          onDone={() => {
            change({ selection: [] });
            setBulkVersion((v) => v + 1);
          }}
          onError={setError}
          onClear={() => change({ selection: [] })}
        />
      )}
      <ErrorNote error={error ?? images.error} />
      {total === 0 && (
        <EmptyState title="No images here">Drop images above, or change the search or filters.</EmptyState>
      )}
      {total !== null && total > 0 && (
        <VirtualThumbs
          total={total}
          at={images.at}
          show={images.show}
          selection={view.selection}
          onPick={canWrite ? pick : null}
          caption={caption}
        />
      )}
    </section>
  );
}
