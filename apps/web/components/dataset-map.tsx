"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { colourOf, insidePolygon, type Point } from "../lib/lasso";

export interface MapData {
  imageIds: string[];
  x: number[];
  y: number[];
  labelIds: (string | null)[];
  flagged: boolean[];
}

const WIDTH = 720;
const HEIGHT = 480;
const PAD = 12;

/**
 * The dataset map on a canvas: a square per image coloured by label (tens of thousands draw in a frame),
 * open findings outlined, hover shows the thumbnail, a lasso (drag) selects; `highlight` rings chosen images
 * (a confusion-matrix cell, a finding).
 */
export function DatasetMap({
  map,
  labels,
  highlight,
  selected,
  onSelect,
}: {
  map: MapData;
  labels: { id: string; name: string }[];
  highlight: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [lasso, setLasso] = useState<Point[] | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const labelIndex = useMemo(() => new Map(labels.map((l, i) => [l.id, i])), [labels]);
  const screen = useMemo(
    () =>
      map.imageIds.map(
        (_, i): Point => [PAD + (map.x[i] ?? 0) * (WIDTH - 2 * PAD), PAD + (1 - (map.y[i] ?? 0)) * (HEIGHT - 2 * PAD)],
      ),
    [map],
  );

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context || !canvas.current) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.current.width = WIDTH * ratio;
    canvas.current.height = HEIGHT * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, WIDTH, HEIGHT);
    // Bigger squares for small datasets, small ones so that 50,000 stay apart.
    const size = map.imageIds.length > 20_000 ? 2 : map.imageIds.length > 2_000 ? 4 : 6;
    // One fill colour at a time: switching styles per point is what makes big scatter plots slow.
    const byColour = new Map<string, number[]>();
    for (const [i, id] of map.labelIds.entries()) {
      const colour = colourOf(id === null ? -1 : (labelIndex.get(id) ?? -1));
      const points = byColour.get(colour) ?? [];
      points.push(i);
      byColour.set(colour, points);
    }
    for (const [colour, points] of byColour) {
      context.fillStyle = colour;
      for (const i of points) {
        const [x, y] = screen[i] ?? [0, 0];
        context.fillRect(x - size / 2, y - size / 2, size, size);
      }
    }
    const ring = (i: number, size: number, colour: string, width = 1.5) => {
      const [x, y] = screen[i] ?? [0, 0];
      context.strokeStyle = colour;
      context.lineWidth = width;
      context.strokeRect(x - size, y - size, 2 * size, 2 * size);
    };
    for (const [i, id] of map.imageIds.entries()) {
      if (map.flagged[i]) ring(i, size / 2 + 2, "#111827", 1);
      if (selected.has(id)) ring(i, size / 2 + 3, "#f59e0b", 2);
      if (highlight.has(id)) ring(i, size / 2 + 5, "#db2777", 2.5);
    }
    if (lasso && lasso.length > 1) {
      context.strokeStyle = "#111827";
      context.setLineDash([4, 3]);
      context.beginPath();
      for (const [k, [x, y]] of lasso.entries()) k === 0 ? context.moveTo(x, y) : context.lineTo(x, y);
      context.closePath();
      context.stroke();
      context.setLineDash([]);
    }
  }, [map, screen, labelIndex, highlight, selected, lasso]);

  const at = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return [((event.clientX - box.left) * WIDTH) / box.width, ((event.clientY - box.top) * HEIGHT) / box.height];
  };
  const nearest = ([px, py]: Point) => {
    let best = -1;
    let bestDistance = 64; // within 8 pixels
    for (const [i, [x, y]] of screen.entries()) {
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best < 0 ? null : best;
  };
  const hovered = hover === null ? null : { id: map.imageIds[hover] ?? "", at: screen[hover] ?? [0, 0] };
  const hoveredLabel = hover === null ? null : labels.find((l) => l.id === map.labelIds[hover]);

  return (
    <div className="dataset-map">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Map of ${map.imageIds.length} images by similarity, coloured by label; drag to select`}
        style={{ width: "100%", maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, touchAction: "none" }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          setLasso([at(e)]);
        }}
        onPointerMove={(e) => {
          const point = at(e);
          if (lasso) setLasso([...lasso, point]);
          else setHover(nearest(point));
        }}
        onPointerUp={() => {
          if (lasso && lasso.length > 2)
            onSelect(new Set(map.imageIds.filter((_, i) => insidePolygon(screen[i] ?? [0, 0], lasso))));
          setLasso(null);
        }}
        onPointerLeave={() => setHover(null)}
      />
      {hovered && (
        <div
          className="map-tip"
          style={{ left: `${(100 * hovered.at[0]) / WIDTH}%`, top: `${(100 * hovered.at[1]) / HEIGHT}%` }}
        >
          {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
          <img src={`/thumbnails/${hovered.id}`} alt="" width={96} height={96} />
          <span>{hoveredLabel?.name ?? "unlabelled"}</span>
        </div>
      )}
      <ul className="legend" aria-label="Labels">
        {labels.map((l, i) => (
          <li key={l.id}>
            <span className="swatch" style={{ background: colourOf(i) }} /> {l.name}
          </li>
        ))}
        <li>
          <span className="swatch outlined" /> has a finding
        </li>
        {highlight.size > 0 && (
          <li>
            <span className="swatch ringed" /> {highlight.size} chosen images
          </li>
        )}
      </ul>
    </div>
  );
}
