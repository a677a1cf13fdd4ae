import { createRequire } from "node:module";

type Usearch = typeof import("usearch");
let loaded: Usearch | undefined;
/**
 * usearch, loaded when first needed (only health reports use it) and through its CommonJS build: the ESM
 * build looks for its native binary from the caller's file instead of its own folder, and misses it.
 */
function usearch(): Usearch {
  loaded ??= createRequire(import.meta.url)("usearch") as Usearch;
  return loaded;
}

/** An empty HNSW index of `dim`-wide float vectors by cosine distance, with the settings both uses share. */
function cosineIndex(dim: number) {
  const { Index, MetricKind, ScalarKind } = usearch();
  return new Index({
    dimensions: dim,
    metric: MetricKind.Cos,
    quantization: ScalarKind.F32,
    connectivity: 16,
    expansion_add: 128,
    expansion_search: 64,
    multi: false,
  });
}

/** Each vector's nearest neighbours (itself excluded), as row-major matrices `n x k`. */
export interface Neighbours {
  k: number;
  /** Neighbour row indices; -1 where fewer than k were found. */
  indices: Int32Array;
  /** Cosine distances (0: same direction, 1: orthogonal). */
  distances: Float32Array;
}

/**
 * The k nearest neighbours of every vector by cosine distance, through an HNSW index (usearch): about
 * n log n work, so 100,000 images take minutes on two cores where comparing every pair would take hours.
 */
export function nearestNeighbours(vectors: Float32Array, dim: number, k: number, threads = 2): Neighbours {
  const n = Math.floor(vectors.length / dim);
  const index = cosineIndex(dim);
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float32Array(n * k).fill(Number.POSITIVE_INFINITY);
  if (n === 0) return { k, indices, distances };
  index.add(
    BigUint64Array.from({ length: n }, (_, i) => BigInt(i)),
    vectors,
    threads,
  );
  // One more than asked: the nearest of each vector is itself (or an identical copy, which must stay).
  const found = index.search(vectors, k + 1, threads);
  for (let row = 0; row < n; row++) {
    let kept = 0;
    for (let j = 0; j < k + 1 && kept < k; j++) {
      const at = row * (k + 1) + j;
      const other = Number(found.keys[at]);
      if (other === row || !Number.isFinite(found.distances[at] ?? Number.NaN) || found.keys[at] === undefined)
        continue;
      if (other >= n) continue;
      indices[row * k + kept] = other;
      distances[row * k + kept] = Math.max(0, found.distances[at] ?? 0);
      kept++;
    }
  }
  return { k, indices, distances };
}

/** Vectors kept in an HNSW index for nearest-neighbour queries of new vectors (evidence for a prediction). */
export interface VectorIndex {
  size: number;
  dim: number;
  /** The `k` indexed rows nearest `query` by cosine distance, nearest first. */
  search(query: Float32Array, k: number): { row: number; distance: number }[];
}

/** Builds a search index over `vectors` (row-major, `dim` wide): about n log n once, then ~log n a query. */
export function buildVectorIndex(vectors: Float32Array, dim: number, threads = 1): VectorIndex {
  const n = dim > 0 ? Math.floor(vectors.length / dim) : 0;
  const index = cosineIndex(Math.max(dim, 1));
  if (n > 0)
    index.add(
      BigUint64Array.from({ length: n }, (_, i) => BigInt(i)),
      vectors.subarray(0, n * dim),
      threads,
    );
  return {
    size: n,
    dim,
    search(query, k) {
      if (n === 0 || query.length !== dim) return [];
      const found = index.search(query, Math.min(k, n), 1);
      const hits: { row: number; distance: number }[] = [];
      for (let j = 0; j < found.keys.length; j++) {
        const distance = found.distances[j];
        if (distance === undefined || !Number.isFinite(distance)) continue;
        hits.push({ row: Number(found.keys[j]), distance: Math.max(0, distance) });
      }
      return hits.sort((a, b) => a.distance - b.distance);
    },
  };
}
