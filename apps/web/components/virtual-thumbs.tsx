"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { isSelected, type Range } from "../lib/position-ranges";
import { type GridImage, WINDOW_PAGE } from "../lib/use-image-window";

/** A cell's least width, the gap between cells and a row's height (thumbnail, caption, gap). */
const CELL = 112;
const GAP = 10;
const ROW = 156;

/**
 * Thumbnails of a view of any size: only the rows in sight (and a few either side) are in the page, each cell
 * placed by its position, so 100,000 images cost what 60 do. Cells whose page is not loaded yet show a
 * placeholder; their page is asked for once the rows in sight stop changing pages for a moment.
 */
export function VirtualThumbs({
  total,
  at,
  show,
  selection,
  onPick,
  caption,
}: {
  total: number;
  at: (position: number) => GridImage | undefined;
  show: (first: number, last: number) => void;
  selection: readonly Range[];
  /** A click on a cell (null: the grid is read-only); `extend` when shift was held. */
  onPick: ((position: number, extend: boolean) => void) | null;
  caption: (image: GridImage) => string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const columns = Math.max(1, Math.floor((width + GAP) / (CELL + GAP)));
  const cellWidth = (width - (columns - 1) * GAP) / columns;
  const rows = useVirtualizer({
    count: Math.ceil(total / columns),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 1,
  });
  const inSight = rows.getVirtualItems();
  const first = (inSight[0]?.index ?? 0) * columns;
  const last = Math.min(total - 1, ((inSight.at(-1)?.index ?? 0) + 1) * columns - 1);
  const [firstPage, lastPage] = [Math.floor(first / WINDOW_PAGE), Math.floor(last / WINDOW_PAGE)];
  useEffect(() => {
    // Dragging the scrollbar across 100,000 images passes hundreds of pages: only where it rests is read.
    const settle = setTimeout(() => show(firstPage * WINDOW_PAGE, lastPage * WINDOW_PAGE), 60);
    return () => clearTimeout(settle);
  }, [firstPage, lastPage, show]);

  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const pickAt = useCallback((position: number, extend: boolean) => pickRef.current?.(position, extend), []);

  return (
    <div ref={scroller} className="grid-scroll" data-testid="image-grid">
      <ul className="virtual-thumbs" style={{ height: rows.getTotalSize() }} aria-label="Images in this view">
        {inSight.flatMap((row) =>
          Array.from({ length: columns }, (_, column) => {
            const position = row.index * columns + column;
            if (position >= total) return null;
            const image = at(position);
            return (
              <Cell
                key={position}
                position={position}
                total={total}
                image={image}
                caption={image ? caption(image) : ""}
                selected={isSelected(selection, position)}
                pickable={onPick !== null}
                onPick={pickAt}
                width={cellWidth}
                x={column * (cellWidth + GAP)}
                y={row.start}
              />
            );
          }),
        )}
      </ul>
    </div>
  );
}

/**
 * One cell; memoised, so a scroll re-renders only the cells that came into sight (the others keep their
 * props: position, image, caption, selection and place).
 */
const Cell = memo(function Cell(props: {
  position: number;
  total: number;
  image: GridImage | undefined;
  caption: string;
  selected: boolean;
  pickable: boolean;
  onPick: (position: number, extend: boolean) => void;
  width: number;
  x: number;
  y: number;
}) {
  const { position, image, caption, selected } = props;
  return (
    <li
      className={selected ? "selected" : undefined}
      aria-posinset={position + 1}
      aria-setsize={props.total}
      style={{ width: props.width, height: ROW - GAP, transform: `translate(${props.x}px, ${props.y}px)` }}
    >
      {!image ? (
        <div className="thumb-placeholder" aria-hidden="true" />
      ) : props.pickable ? (
        <label>
          <input
            type="checkbox"
            checked={selected}
            onChange={(e) => props.onPick(position, (e.nativeEvent as Partial<MouseEvent>).shiftKey === true)}
            aria-label={`Select ${image.originalName}`}
          />
          <Thumb image={image} caption={caption} />
        </label>
      ) : (
        <Thumb image={image} caption={caption} />
      )}
    </li>
  );
});

function Thumb({ image, caption }: { image: GridImage; caption: string }) {
  return (
    <>
      {/* Lazy even though only cells near sight exist: a fast fling passes rows before their thumbnails are due. */}
      {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
      <img
        className="thumb-image"
        src={image.thumbnailUrl}
        alt={image.originalName}
        loading="lazy"
        decoding="async"
        width={96}
        height={96}
      />
      <span className="caption">{caption}</span>
    </>
  );
}
