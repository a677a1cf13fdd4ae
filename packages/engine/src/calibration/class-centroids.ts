import { rowsInMemory, SCORE_ROWS, type VectorRows } from "../data/vector-rows.js";

/** Unit vectors: cosine distance between them is 1 minus their dot product. */
function normalised(x: Float32Array, dim: number, row: number): Float32Array {
  const v = x.slice(row * dim, (row + 1) * dim);
  const norm = Math.hypot(...v) || 1;
  for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) / norm;
  return v;
}

/** Each class's mean direction (of its unit training vectors), itself of unit length. */
export function classCentroids(x: Float32Array, labels: Int32Array, dim: number, k: number): Float32Array[] {
  return classCentroidsOf(rowsInMemory(x, dim), labels, k);
}

/** `classCentroids` of a set read a block at a time (a streamed training set). */
export function classCentroidsOf(rows: VectorRows, labels: Int32Array, k: number): Float32Array[] {
  const dim = rows.dim;
  const sums = Array.from({ length: k }, () => new Float32Array(dim));
  for (let start = 0; start < labels.length; start += SCORE_ROWS) {
    const count = Math.min(SCORE_ROWS, labels.length - start);
    const x = rows.read(start, count);
    for (let i = 0; i < count; i++) {
      const sum = sums[labels[start + i] ?? 0];
      const v = normalised(x, dim, i);
      if (sum) for (let d = 0; d < dim; d++) sum[d] = (sum[d] ?? 0) + (v[d] ?? 0);
    }
  }
  return sums.map((sum) => normalised(sum, dim, 0));
}

/** Cosine distance from a vector to the nearest class centroid. */
export function distanceToClasses(vector: Float32Array, centroids: readonly Float32Array[]): number {
  const v = normalised(vector, vector.length, 0);
  let best = Number.POSITIVE_INFINITY;
  for (const c of centroids) {
    let dot = 0;
    for (let d = 0; d < v.length; d++) dot += (v[d] ?? 0) * (c[d] ?? 0);
    best = Math.min(best, 1 - dot);
  }
  return best;
}

/**
 * The distance beyond which an image is "far from every class": the given quantile of held-out images'
 * distances to their nearest centroid (99%: one known image in a hundred would be called far).
 */
export function farDistance(rows: VectorRows, n: number, centroids: readonly Float32Array[], quantile = 0.99) {
  if (n === 0) return Number.POSITIVE_INFINITY;
  const dim = rows.dim;
  const distances = new Float64Array(n);
  for (let start = 0; start < n; start += SCORE_ROWS) {
    const count = Math.min(SCORE_ROWS, n - start);
    const x = rows.read(start, count);
    for (let i = 0; i < count; i++)
      distances[start + i] = distanceToClasses(x.subarray(i * dim, (i + 1) * dim), centroids);
  }
  distances.sort();
  return distances[Math.min(n - 1, Math.floor(quantile * n))] ?? Number.POSITIVE_INFINITY;
}
