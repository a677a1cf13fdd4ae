/**
 * A selection in a view of 100,000 images, kept as positions rather than ids: a range selected by shift-click
 * or "select all" costs two numbers whether or not its images were ever loaded, and fits in a URL.
 * Ranges are inclusive, sorted and disjoint (adjacent ones merged).
 */
export type Range = readonly [number, number];

function normalised(ranges: Range[]): Range[] {
  const sorted = [...ranges].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export const isSelected = (ranges: readonly Range[], position: number) =>
  ranges.some(([a, b]) => position >= a && position <= b);

export const selectedCount = (ranges: readonly Range[]) => ranges.reduce((sum, [a, b]) => sum + b - a + 1, 0);

/** Adds the positions from `from` to `to` (either order). */
export const withRange = (ranges: readonly Range[], from: number, to: number): Range[] =>
  normalised([...ranges, [Math.min(from, to), Math.max(from, to)]]);

/** Removes the positions from `from` to `to` (inclusive). */
export function withoutRange(ranges: readonly Range[], from: number, to: number): Range[] {
  const out: Range[] = [];
  for (const [a, b] of ranges) {
    if (b < from || a > to) out.push([a, b]);
    else {
      if (a < from) out.push([a, from - 1]);
      if (b > to) out.push([to + 1, b]);
    }
  }
  return normalised(out);
}

export const toggled = (ranges: readonly Range[], position: number) =>
  isSelected(ranges, position) ? withoutRange(ranges, position, position) : withRange(ranges, position, position);

/** "0-9,15" and back; anything malformed in a pasted link is dropped rather than trusted. */
export const encodeRanges = (ranges: readonly Range[]) =>
  ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(",");

export function decodeRanges(text: string | null): Range[] {
  const ranges: Range[] = [];
  for (const part of (text ?? "").split(",")) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (match) ranges.push([Number(match[1]), Number(match[2] ?? match[1])]);
  }
  return normalised(ranges);
}
