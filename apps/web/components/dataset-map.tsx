"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { colourOf, type Point } from "../lib/lasso";
import { drawLasso, drawPoints, nearestPoint, pointsInLasso } from "../lib/map-canvas";

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

/** A canvas sized for the screen's pixel density, drawn in CSS pixels. */
function prepare(canvas: HTMLCanvasElement | null) {
  const context = canvas?.getContext("2d");
  if (!canvas || !context) return null;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = WIDTH * ratio;
  canvas.height = HEIGHT * ratio;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/**
 * The dataset map: a square per image coloured by label (50,000 draw in a few milliseconds: npm run
 * bench:map), open findings outlined, hover shows the thumbnail, a lasso (drag) selects; `highlight` rings
 * chosen images (a confusion-matrix cell, a finding). The lasso has a layer of its own.
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
  const pointsLayer = useRef<HTMLCanvasElement>(null);
  const lassoLayer = useRef<HTMLCanvasElement>(null);
  const [lasso, setLasso] = useState<Point[] | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const xy = useMemo(() => {
    const out = new Float32Array(map.imageIds.length * 2);
    for (let i = 0; i < map.imageIds.length; i++) {
      out[i * 2] = PAD + (map.x[i] ?? 0) * (WIDTH - 2 * PAD);
      out[i * 2 + 1] = PAD + (1 - (map.y[i] ?? 0)) * (HEIGHT - 2 * PAD);
    }
    return out;
  }, [map]);

  useEffect(() => {
    const context = prepare(pointsLayer.current);
    if (!context) return;
    const labelIndex = new Map(labels.map((l, i) => [l.id, i]));
    drawPoints(
      context,
      {
        xy,
        colours: map.labelIds.map((id) => colourOf(id === null ? -1 : (labelIndex.get(id) ?? -1))),
        flagged: (i) => map.flagged[i] === true,
        selected: (i) => selected.has(map.imageIds[i] ?? ""),
        highlighted: (i) => highlight.has(map.imageIds[i] ?? ""),
      },
      WIDTH,
      HEIGHT,
    );
  }, [map, xy, labels, highlight, selected]);

  useEffect(() => {
    const context = prepare(lassoLayer.current);
    if (context) drawLasso(context, lasso, WIDTH, HEIGHT);
  }, [lasso]);

  const at = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return [((event.clientX - box.left) * WIDTH) / box.width, ((event.clientY - box.top) * HEIGHT) / box.height];
  };
  const hovered =
    hover === null ? null : { id: map.imageIds[hover] ?? "", x: xy[hover * 2] ?? 0, y: xy[hover * 2 + 1] ?? 0 };
  const hoveredLabel = hover === null ? null : labels.find((l) => l.id === map.labelIds[hover]);
  const size = { width: "100%", maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}` };

  return (
    <div className="dataset-map">
      <canvas ref={pointsLayer} style={size} />
      <canvas
        ref={lassoLayer}
        className="lasso-layer"
        role="img"
        aria-label={`Map of ${map.imageIds.length} images by similarity, coloured by label; drag to select`}
        style={{ ...size, touchAction: "none" }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          setLasso([at(e)]);
        }}
        onPointerMove={(e) => {
          const point = at(e);
          if (lasso) setLasso([...lasso, point]);
          else setHover(nearestPoint(xy, point));
        }}
        onPointerUp={() => {
          if (lasso && lasso.length > 2) onSelect(new Set(pointsInLasso(xy, lasso).map((i) => map.imageIds[i] ?? "")));
          setLasso(null);
        }}
        onPointerLeave={() => setHover(null)}
      />
      {hovered && (
        <div
          className="map-tip"
          style={{ left: `${(100 * hovered.x) / WIDTH}%`, top: `${(100 * hovered.y) / HEIGHT}%` }}
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
