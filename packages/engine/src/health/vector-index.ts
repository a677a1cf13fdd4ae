import { createRequire } from "node:module";
import { nextTurn } from "../data/next-turn.js";
import { SCORE_ROWS, type VectorRows } from "../data/vector-rows.js";

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

/**
 * An empty HNSW index of `dim`-wide vectors by cosine distance, with the settings both uses share. It keeps
 * its vectors as 16-bit floats: half the memory of 32-bit ones (100,000 vectors of 1,280 floats: 256 MB, not
 * 512), and cosine distances within about 0.001 of them, far finer than any threshold the product uses.
 */
function cosineIndex(dim: number) {
  const { Index, MetricKind, ScalarKind } = usearch();
  return new Index({
    dimensions: dim,
    metric: MetricKind.Cos,
    quantization: ScalarKind.F16,
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

/** Rows [0, n) of `rows`, a block at a time: what the index adds and searches, never the whole set at once. */
function* blocksOf(rows: VectorRows, n: number) {
  for (let start = 0; start < n; start += SCORE_ROWS) {
    const count = Math.min(SCORE_ROWS, n - start);
    yield { start, count, x: rows.read(start, count) };
  }
}

const keysFrom = (start: number, count: number) => BigUint64Array.from({ length: count }, (_, i) => BigInt(start + i));

/**
 * The k nearest neighbours of each of the `n` rows by cosine distance, through an HNSW index (usearch): about
 * n log n work, so 100,000 images take minutes on two cores where comparing every pair would take hours. The
 * rows are read a block at a time, so memory holds the index and one block, not a copy of the set; the event
 * loop runs between blocks.
 */
export async function nearestNeighbours(rows: VectorRows, n: number, k: number, threads = 2): Promise<Neighbours> {
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float32Array(n * k).fill(Number.POSITIVE_INFINITY);
  if (n === 0) return { k, indices, distances };
  const index = cosineIndex(rows.dim);
  for (const block of blocksOf(rows, n)) {
    index.add(keysFrom(block.start, block.count), block.x, threads);
    await nextTurn();
  }
  for (const block of blocksOf(rows, n)) {
    await nextTurn();
    // One more than asked: the nearest of each vector is itself (or an identical copy, which must stay).
    const found = index.search(block.x, k + 1, threads);
    for (let i = 0; i < block.count; i++) {
      const row = block.start + i;
      let kept = 0;
      for (let j = 0; j < k + 1 && kept < k; j++) {
        const at = i * (k + 1) + j;
        const key = found.keys[at];
        const distance = found.distances[at] ?? Number.NaN;
        if (key === undefined || !Number.isFinite(distance)) continue;
        const other = Number(key);
        if (other === row || other >= n) continue;
        indices[row * k + kept] = other;
        distances[row * k + kept] = Math.max(0, distance);
        kept++;
      }
    }
  }
  return { k, indices, distances };
}

/** Vectors kept in an HNSW index for nearest-neighbour queries of new vectors (evidence for a prediction). */
export interface VectorIndex {
  readonly size: number;
  dim: number;
  /** Adds the vectors of `x` (row-major) under the row numbers `rows`, one each. */
  add(x: Float32Array, rows: ArrayLike<number>): void;
  /** The `k` indexed rows nearest `query` by cosine distance, nearest first. */
  search(query: Float32Array, k: number): { row: number; distance: number }[];
}

/**
 * An empty search index of `dim`-wide vectors, filled a block at a time (a training split read page by page
 * goes in without being packed first): about n log n to fill, then ~log n a query.
 */
export function vectorIndex(dim: number, threads = 1): VectorIndex {
  const index = cosineIndex(Math.max(dim, 1));
  let size = 0;
  return {
    get size() {
      return size;
    },
    dim,
    add(x, rows) {
      if (rows.length === 0) return;
      index.add(
        BigUint64Array.from({ length: rows.length }, (_, i) => BigInt(rows[i] ?? 0)),
        x,
        threads,
      );
      size += rows.length;
    },
    search(query, k) {
      if (size === 0 || query.length !== dim) return [];
      const found = index.search(query, Math.min(k, size), 1);
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
