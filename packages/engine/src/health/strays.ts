import type { Neighbours } from "./vector-index.js";

export interface Isolation {
  index: number;
  /** Mean cosine distance to its nearest neighbours that are not its near-duplicates. */
  score: number;
}

/**
 * How far each image lies from every other: the mean distance to its nearest neighbours, skipping those
 * closer than `duplicateThreshold` (a copy of a stray would otherwise hide it). Most isolated first.
 */
export function isolationRanking(neighbours: Neighbours, duplicateThreshold: number): Isolation[] {
  const n = neighbours.indices.length / neighbours.k;
  const ranking: Isolation[] = [];
  for (let row = 0; row < n; row++) {
    let sum = 0;
    let count = 0;
    for (let j = 0; j < neighbours.k; j++) {
      const distance = neighbours.distances[row * neighbours.k + j] ?? Number.POSITIVE_INFINITY;
      if ((neighbours.indices[row * neighbours.k + j] ?? -1) < 0 || distance <= duplicateThreshold) continue;
      sum += distance;
      count++;
    }
    ranking.push({ index: row, score: count > 0 ? sum / count : 1 });
  }
  return ranking.sort((a, b) => b.score - a.score);
}
