import type { Point } from "./lasso";

/** The map as drawn: screen positions (x, y pairs), a colour per point, and which points get rings. */
export interface MapScene {
  xy: Float32Array;
  colours: readonly string[];
  flagged: (i: number) => boolean;
  selected: (i: number) => boolean;
  highlighted: (i: number) => boolean;
}

/** Bigger squares for small datasets, small ones so that 50,000 stay apart. */
export const pointSize = (count: number) => (count > 20_000 ? 2 : count > 2_000 ? 4 : 6);

/** Every point as a square, one fill colour at a time (switching styles per point is what makes scatter plots slow), then the rings. */
export function drawPoints(context: CanvasRenderingContext2D, scene: MapScene, width: number, height: number) {
  const count = scene.colours.length;
  const size = pointSize(count);
  // Squares and rings go straight into the pixels, in device pixels, and onto the canvas in one putImageData:
  // tens of thousands of fillRect calls cost ~40 ms a frame in Chromium, this a fraction (npm run bench:map).
  const ratio = context.getTransform().a || 1;
  const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
  const image = pixelBuffer(context, w, h);
  const pixels = new Uint32Array(image.data.buffer);
  pixels.fill(0);
  const box = (i: number, half: number, value: number, thickness = 0) => {
    const [cx, cy] = [(scene.xy[i * 2] ?? 0) * ratio, (scene.xy[i * 2 + 1] ?? 0) * ratio];
    const [left, top, side] = [
      Math.round(cx - half * ratio),
      Math.round(cy - half * ratio),
      Math.round(2 * half * ratio),
    ];
    const inner = thickness > 0 ? Math.round(thickness * ratio) : side;
    for (let y = Math.max(0, top); y < Math.min(h, top + side); y++) {
      const edgeRow = y - top < inner || top + side - 1 - y < inner;
      const [from, to] = [Math.max(0, left), Math.min(w, left + side)];
      if (edgeRow) pixels.fill(value, y * w + from, y * w + to);
      else {
        pixels.fill(value, y * w + from, y * w + Math.min(to, left + inner));
        pixels.fill(value, y * w + Math.max(from, left + side - inner), y * w + to);
      }
    }
  };
  const packed = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const colour = scene.colours[i] ?? "#000000";
    let value = packed.get(colour);
    if (value === undefined) {
      value = packColour(colour);
      packed.set(colour, value);
    }
    box(i, size / 2, value);
  }
  const rings = [
    { of: scene.flagged, half: size / 2 + 2, value: packColour("#111827"), thickness: 1 },
    { of: scene.selected, half: size / 2 + 3, value: packColour("#f59e0b"), thickness: 1.5 },
    { of: scene.highlighted, half: size / 2 + 5, value: packColour("#db2777"), thickness: 2 },
  ];
  for (const ring of rings)
    for (let i = 0; i < count; i++) if (ring.of(i)) box(i, ring.half, ring.value, ring.thickness);
  context.putImageData(image, 0, 0);
}

/** One pixel buffer per canvas, reused while its size holds: a new 5 MB buffer per frame costs more than the drawing. */
const buffers = new WeakMap<CanvasRenderingContext2D, ImageData>();
function pixelBuffer(context: CanvasRenderingContext2D, w: number, h: number): ImageData {
  const kept = buffers.get(context);
  if (kept && kept.width === w && kept.height === h) return kept;
  const image = context.createImageData(w, h);
  buffers.set(context, image);
  return image;
}

/** "#rrggbb" as one RGBA pixel in the canvas's byte order (little-endian: alpha in the high byte). */
function packColour(hex: string): number {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return ((0xff << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
}

/** The lasso being drawn, on its own layer (the points are not redrawn while the pointer moves). */
export function drawLasso(
  context: CanvasRenderingContext2D,
  lasso: readonly Point[] | null,
  width: number,
  height: number,
) {
  context.clearRect(0, 0, width, height);
  if (!lasso || lasso.length < 2) return;
  context.strokeStyle = "#111827";
  context.setLineDash([4, 3]);
  context.beginPath();
  for (const [k, [x, y]] of lasso.entries()) k === 0 ? context.moveTo(x, y) : context.lineTo(x, y);
  context.closePath();
  context.stroke();
  context.setLineDash([]);
}

/** The point nearest `at`, within `within` pixels, or null. */
export function nearestPoint(xy: Float32Array, [px, py]: Point, within = 8): number | null {
  let best = -1;
  let bestDistance = within * within;
  for (let i = 0; i < xy.length / 2; i++) {
    const d = ((xy[i * 2] ?? 0) - px) ** 2 + ((xy[i * 2 + 1] ?? 0) - py) ** 2;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  }
  return best < 0 ? null : best;
}

/** Indices of the points inside a closed lasso; those outside its bounding box are skipped at once. */
export function pointsInLasso(xy: Float32Array, lasso: readonly Point[]): number[] {
  const xs = Float64Array.from(lasso, (p) => p[0]);
  const ys = Float64Array.from(lasso, (p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const inside: number[] = [];
  for (let i = 0; i < xy.length / 2; i++) {
    const x = xy[i * 2] ?? 0;
    const y = xy[i * 2 + 1] ?? 0;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    if (insideFlat(x, y, xs, ys)) inside.push(i);
  }
  return inside;
}

/** Even-odd ray casting on flat coordinate arrays (no tuple per vertex: the test runs for 50,000 points). */
function insideFlat(x: number, y: number, xs: Float64Array, ys: Float64Array): boolean {
  let inside = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    const yi = ys[i] ?? 0;
    const yj = ys[j] ?? 0;
    if (yi > y !== yj > y) {
      const xi = xs[i] ?? 0;
      if (x < (((xs[j] ?? 0) - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
