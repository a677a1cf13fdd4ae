import type { Neighbours } from "./vector-index.js";

export interface DuplicateGroup {
  /** Row indices of the images, smallest first. */
  members: number[];
  /** The largest cosine distance between linked members. */
  maxDistance: number;
}

export interface DuplicateRule {
  /** Cosine distance under which two vectors may be copies of one picture. */
  maxDistance: number;
  /**
   * And at most this fraction of the distance to the image's next-nearest other neighbour (a ratio test):
   * a copy stands out from everything else, while photos of a uniform subject (a tulip field) crowd together.
   */
  ratio: number;
}

/**
 * Groups images whose vectors are nearly the same direction (re-encoded, resized, slightly cropped copies):
 * each neighbour pair passing the rule links two images, and linked images form one group (union-find).
 */
export function nearDuplicateGroups(neighbours: Neighbours, rule: DuplicateRule): DuplicateGroup[] {
  const n = neighbours.indices.length / neighbours.k;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[i] !== r) [i, parent[i]] = [parent[i] ?? r, r];
    return r;
  };
  const linkDistance = new Map<number, number>();
  const at = (row: number, j: number) => ({
    other: neighbours.indices[row * neighbours.k + j] ?? -1,
    distance: neighbours.distances[row * neighbours.k + j] ?? Number.POSITIVE_INFINITY,
  });
  /** The distance to the nearest neighbour farther than `distance` (1, orthogonal, when there is none). */
  const nextBeyond = (row: number, distance: number) => {
    for (let j = 0; j < neighbours.k; j++) {
      const next = at(row, j);
      if (next.other >= 0 && next.distance > distance) return next.distance;
    }
    return 1;
  };
  for (let row = 0; row < n; row++)
    for (let j = 0; j < neighbours.k; j++) {
      const { other, distance } = at(row, j);
      if (other < 0 || distance > rule.maxDistance || distance > rule.ratio * nextBeyond(row, distance)) continue;
      const [a, b] = [root(row), root(other)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      linkDistance.set(row, Math.max(linkDistance.get(row) ?? 0, distance));
    }
  const groups = new Map<number, DuplicateGroup>();
  for (const row of linkDistance.keys()) {
    const r = root(row);
    const group = groups.get(r) ?? { members: [], maxDistance: 0 };
    group.maxDistance = Math.max(group.maxDistance, linkDistance.get(row) ?? 0);
    groups.set(r, group);
  }
  for (let row = 0; row < n; row++) groups.get(root(row))?.members.push(row);
  return [...groups.values()].filter((g) => g.members.length > 1);
}
