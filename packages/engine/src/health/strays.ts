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

/**
 * The isolation above which an image is flagged as a stray: Tukey's far-out fence (third quartile plus three
 * interquartile ranges) of the dataset's own scores, so a tight dataset and a varied one each flag their own
 * outliers, and a clean one flags none.
 */
export function strayCutoff(ranking: readonly Isolation[]): number {
  const scores = ranking.map((r) => r.score).sort((a, b) => a - b);
  const quantile = (q: number) => scores[Math.min(scores.length - 1, Math.floor(q * scores.length))] ?? 1;
  const [q1, q3] = [quantile(0.25), quantile(0.75)];
  return q3 + 3 * (q3 - q1);
}
