import { seededRandom } from "../data/random.js";

/**
 * Lloyd's k-means with k-means++ seeding over `n` points of `dim` floats (small dims: the labelling order
 * projects vectors first). Deterministic for a seed. Gives each point's cluster and the centres.
 */
export function kMeans(x: Float32Array, dim: number, k: number, options: { seed?: number; iterations?: number } = {}) {
  const n = x.length / dim;
  const random = seededRandom(options.seed ?? 1);
  const centres = new Float32Array(k * dim);
  const dist2 = (i: number, c: Float32Array, j: number) => {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += ((x[i * dim + d] ?? 0) - (c[j * dim + d] ?? 0)) ** 2;
    return sum;
  };
  // k-means++: each next centre drawn in proportion to its squared distance from the chosen ones.
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centres.set(x.subarray(chosen * dim, (chosen + 1) * dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i] ?? Infinity, dist2(i, centres, c));
      total += nearest[i] ?? 0;
    }
    let target = random() * total;
    chosen = 0;
    for (let i = 0; i < n; i++) {
      target -= nearest[i] ?? 0;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }
  const cluster = new Int32Array(n);
  for (let iteration = 0; iteration < (options.iterations ?? 15); iteration++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const d = dist2(i, centres, c);
        if (d < bestDistance) [best, bestDistance] = [c, d];
      }
      if (cluster[i] !== best) moved++;
      cluster[i] = best;
    }
    const sums = new Float64Array(k * dim);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = cluster[i] ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
      for (let d = 0; d < dim; d++) sums[c * dim + d] = (sums[c * dim + d] ?? 0) + (x[i * dim + d] ?? 0);
    }
    for (let c = 0; c < k; c++)
      if (counts[c]) for (let d = 0; d < dim; d++) centres[c * dim + d] = (sums[c * dim + d] ?? 0) / (counts[c] ?? 1);
    if (moved === 0 && iteration > 0) break;
  }
  return { cluster, centres };
}

/** A seeded Gaussian projection to `to` dimensions: distances survive it roughly (Johnson-Lindenstrauss). */
export function randomProjection(x: Float32Array, dim: number, to: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const matrix = Float32Array.from({ length: dim * to }, gaussian);
  const n = x.length / dim;
  const out = new Float32Array(n * to);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < to; t++) {
      let sum = 0;
      for (let d = 0; d < dim; d++) sum += (x[i * dim + d] ?? 0) * (matrix[d * to + t] ?? 0);
      out[i * to + t] = sum / Math.sqrt(to);
    }
  return out;
}
