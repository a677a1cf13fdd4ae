import { seededRandom } from "../data/random.js";
import { kMeans, randomProjection } from "./k-means.js";

// What to label next: unlabelled images ordered by how much a label should help the head. Uncertainty alone
// fills the top of the list with near-copies of one doubt and with outliers; a weak head's doubt is mostly
// noise. So, while clusters stay affordable, the order is TypiClust's (Hacohen et al., 2022) with the doubt
// mixed in: the vectors are clustered into (labelled + wanted) groups, and each group no labelled image is in
// gives its most typical image (densest neighbourhood), weighed by the head's doubt; the largest groups first.
// Past that size (thousands of labels) it draws in proportion to doubt x distance from everything labelled or
// picked. `npm run bench:active` measured these choices against labelling at random.

export interface LabelNextInput {
  /** Unlabelled images' vectors, `dim` floats each, in candidate order. */
  candidates: Float32Array;
  /** Labelled images' vectors. */
  labelled: Float32Array;
  dim: number;
  /** The current head's probabilities for the candidates (k per candidate), or null before any head. */
  probabilities: Float32Array | null;
  k: number;
  /** How many to pick. */
  count: number;
  /** The same input and seed give the same order. */
  seed?: number;
}

export interface LabelNextPick {
  /** Index into the candidates. */
  index: number;
  /** 1 - margin between the two most probable classes (1 with no head). */
  doubt: number;
}

/** How much the doubt counts next to typicality (0: typicality alone; measured best at 0.3 on flowers). */
const DOUBT_WEIGHT = 0.3;
/** Clusters beyond this cost too much per request: the draw takes over. */
const MAX_CLUSTERS = 2000;
const PROJECTED_DIM = 64;
const NEIGHBOURS = 20;

/** Unit-length copies of the vectors (distances then compare directions). */
function normalized(x: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length / dim; i++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (x[i * dim + d] ?? 0) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dim; d++) out[i * dim + d] = (x[i * dim + d] ?? 0) * scale;
  }
  return out;
}

function doubtsOf(input: LabelNextInput, n: number): Float64Array {
  const { probabilities, k } = input;
  return Float64Array.from({ length: n }, (_, i) => {
    if (!probabilities) return 1;
    let [first, second] = [0, 0];
    for (let c = 0; c < k; c++) {
      const p = probabilities[i * k + c] ?? 0;
      if (p > first) [first, second] = [p, first];
      else if (p > second) second = p;
    }
    return 1 - (first - second);
  });
}

const squaredDistance = (x: Float32Array, dim: number, a: number, b: number) => {
  let sum = 0;
  for (let d = 0; d < dim; d++) sum += ((x[a * dim + d] ?? 0) - (x[b * dim + d] ?? 0)) ** 2;
  return sum;
};

/** The first `count` candidates to label, best first. */
export function labelNext(input: LabelNextInput): LabelNextPick[] {
  const n = input.candidates.length / input.dim;
  if (n === 0 || input.count <= 0) return [];
  const doubts = doubtsOf(input, n);
  const labelled = input.labelled.length / input.dim;
  const picks = labelled + input.count <= MAX_CLUSTERS ? typicalPicks(input, doubts) : [];
  // Fewer uncovered groups than wanted (or too many labels to cluster): the draw completes the list.
  return picks.length >= Math.min(input.count, n) ? picks : [...picks, ...drawnPicks(input, doubts, picks)];
}

/** The most typical (and doubtful) image of each group holding no labelled image, largest groups first. */
function typicalPicks(input: LabelNextInput, doubts: Float64Array): LabelNextPick[] {
  const { dim } = input;
  const n = input.candidates.length / dim;
  const labelled = input.labelled.length / dim;
  const all = new Float32Array((n + labelled) * dim);
  all.set(normalized(input.labelled, dim), 0);
  all.set(normalized(input.candidates, dim), labelled * dim);
  const x = randomProjection(all, dim, PROJECTED_DIM, input.seed ?? 1);
  const { cluster } = kMeans(x, PROJECTED_DIM, Math.min(n + labelled, labelled + input.count), { seed: input.seed });
  const covered = new Set(cluster.subarray(0, labelled));
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = cluster[labelled + i] ?? 0;
    if (!covered.has(c)) groups.set(c, [...(groups.get(c) ?? []), i]);
  }
  const picks: LabelNextPick[] = [];
  for (const group of [...groups.values()].sort((a, b) => b.length - a.length).slice(0, input.count)) {
    let best = group[0] ?? 0;
    let bestScore = -1;
    for (const i of group) {
      const nearest = group
        .filter((j) => j !== i)
        .map((j) => Math.sqrt(squaredDistance(x, PROJECTED_DIM, labelled + i, labelled + j)))
        .sort((a, b) => a - b)
        .slice(0, NEIGHBOURS);
      const typicality = nearest.length ? nearest.length / (1e-6 + nearest.reduce((a, b) => a + b, 0)) : 1;
      const score = typicality * (doubts[i] ?? 0) ** DOUBT_WEIGHT;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    picks.push({ index: best, doubt: doubts[best] ?? 0 });
  }
  return picks;
}

/** Draws the rest in proportion to doubt x cosine distance from everything labelled or picked. */
function drawnPicks(input: LabelNextInput, doubts: Float64Array, already: LabelNextPick[]): LabelNextPick[] {
  const { dim } = input;
  const n = input.candidates.length / dim;
  const vectors = normalized(input.candidates, dim);
  const labelled = normalized(input.labelled, dim);
  const dot = (a: Float32Array, i: number, b: Float32Array, j: number) => {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += (a[i * dim + d] ?? 0) * (b[j * dim + d] ?? 0);
    return sum;
  };
  const nearest = new Float64Array(n).fill(1);
  const taken = new Uint8Array(n);
  const shrink = (source: Float32Array, j: number) => {
    for (let i = 0; i < n; i++) if (!taken[i]) nearest[i] = Math.min(nearest[i] ?? 1, 1 - dot(vectors, i, source, j));
  };
  for (let j = 0; j < labelled.length / dim; j++) shrink(labelled, j);
  for (const pick of already) {
    taken[pick.index] = 1;
    shrink(vectors, pick.index);
  }
  const random = seededRandom(input.seed ?? 1);
  const picks: LabelNextPick[] = [];
  while (already.length + picks.length < Math.min(input.count, n)) {
    const weights = Float64Array.from({ length: n }, (_, i) =>
      taken[i] ? 0 : (doubts[i] ?? 0) * Math.max(nearest[i] ?? 0, 1e-9),
    );
    let target = random() * weights.reduce((a, b) => a + b, 0);
    let index = weights.findIndex((w) => {
      target -= w;
      return w > 0 && target <= 0;
    });
    if (index < 0) index = taken.indexOf(0);
    taken[index] = 1;
    picks.push({ index, doubt: doubts[index] ?? 0 });
    shrink(vectors, index);
  }
  return picks;
}
