export type Point = readonly [x: number, y: number];

/** Whether a point lies inside a closed polygon (even-odd ray casting). */
export function insidePolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Label colours, distinguishable and readable on white; unlabelled images are grey. */
const PALETTE = [
  "#2563eb",
  "#dc2626",
  "#16a34a",
  "#9333ea",
  "#ea580c",
  "#0891b2",
  "#c026d3",
  "#65a30d",
  "#b45309",
  "#4f46e5",
];
export const UNLABELLED_COLOUR = "#9ca3af";
export const colourOf = (labelIndex: number) =>
  labelIndex < 0 ? UNLABELLED_COLOUR : (PALETTE[labelIndex % PALETTE.length] ?? UNLABELLED_COLOUR);
