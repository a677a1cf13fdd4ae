import { UMAP } from "umap-js";
import { nextTurn } from "../data/next-turn.js";
import { seededRandom } from "../data/random.js";
import type { Neighbours } from "./vector-index.js";

export interface DatasetMap {
  /** x, y per image, row-major, scaled into [0, 1] on both axes. */
  points: Float32Array;
}

export interface MapOptions {
  seed?: number;
  /** Optimisation epochs: 200 settles 50,000 points (UMAP's own default for large sets). */
  epochs?: number;
  minDist?: number;
  onEpoch?: (epoch: number, total: number) => void;
}

/**
 * A 2-D map of the vectors by UMAP (umap-js), seeded so one dataset draws the same map each time. It reuses
 * the neighbour graph the health report already built (HNSW) instead of umap-js's own search, which would
 * need every vector as a JavaScript array and much longer.
 */
export async function datasetMap(neighbours: Neighbours, options: MapOptions = {}): Promise<DatasetMap> {
  const n = neighbours.indices.length / neighbours.k;
  if (n <= neighbours.k + 1) return { points: spreadOnCircle(n) };
  // umap-js counts each point among its own neighbours, first at distance 0.
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  for (let row = 0; row < n; row++) {
    const indices = [row];
    const distances = [0];
    for (let j = 0; j < neighbours.k; j++) {
      const other = neighbours.indices[row * neighbours.k + j] ?? -1;
      indices.push(other < 0 ? row : other);
      distances.push(other < 0 ? 1 : (neighbours.distances[row * neighbours.k + j] ?? 1));
    }
    knnIndices.push(indices);
    knnDistances.push(distances);
  }
  const epochs = options.epochs ?? 200;
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: neighbours.k + 1,
    minDist: options.minDist ?? 0.1,
    nEpochs: epochs,
    random: seededRandom(options.seed ?? 42),
  });
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  // With the neighbours given, umap-js reads only the number of rows from X.
  umap.initializeFit(Array.from({ length: n }, () => [0]));
  for (let epoch = 0; epoch < epochs; epoch++) {
    umap.step();
    if (epoch % 20 === 19) {
      options.onEpoch?.(epoch + 1, epochs);
      await nextTurn(); // lets a job's lease renewal and cancel in
    }
  }
  return { points: normalised(umap.getEmbedding()) };
}

function normalised(embedding: number[][]): Float32Array {
  const points = new Float32Array(embedding.length * 2);
  for (const axis of [0, 1]) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const p of embedding) {
      const v = p[axis] ?? 0;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const span = max - min || 1;
    for (const [i, p] of embedding.entries()) points[i * 2 + axis] = ((p[axis] ?? 0) - min) / span;
  }
  return points;
}

/** Too few images for UMAP: around a circle, still one point each. */
function spreadOnCircle(n: number): Float32Array {
  const points = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    points[i * 2] = 0.5 + 0.4 * Math.cos((2 * Math.PI * i) / Math.max(n, 1));
    points[i * 2 + 1] = 0.5 + 0.4 * Math.sin((2 * Math.PI * i) / Math.max(n, 1));
  }
  return points;
}
