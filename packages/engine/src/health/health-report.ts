import { seededRandom, shuffledIndices } from "../data/random.js";
import { gatheredRows, rowsOf, type TrainingSet } from "../data/vector-rows.js";
import { type Balance, balanceOf, type HealthSplit } from "./balance.js";
import { type LabelIssue, likelyMislabeled } from "./confident-learning.js";
import { datasetMap } from "./dataset-map.js";
import { type DuplicateGroup, nearDuplicateGroups } from "./near-duplicates.js";
import { outOfFoldProbabilities } from "./out-of-fold.js";
import { type Isolation, isolationRanking, strayCutoff } from "./strays.js";
import { nearestNeighbours } from "./vector-index.js";

/**
 * Defaults tuned on flowers_small with MobileNetV2-0.35 (npm run bench:health): re-encoded and 80% resized
 * copies sit under 0.06 cosine distance and under 0.4 of the distance to anything else, while similar photos
 * of one subject come as close but in crowds.
 */
export const HEALTH_DEFAULTS = {
  duplicateDistance: 0.06,
  duplicateRatio: 0.4,
  neighbours: 10,
  folds: 5,
  epochs: 25,
  strays: 50,
};

/**
 * The map shows at most this many images (a seeded sample beyond it): umap-js holds about 25 KB per point
 * (2 GB at 100,000), and a scatter of 10,000 points already shows a dataset's clusters and strays.
 */
export const MAP_POINTS = 10_000;

/** Above this many images, out-of-fold heads train fewer epochs: about as many updates as at this size. */
const FULL_EPOCHS_UP_TO = 5_000;

/**
 * Epochs for the out-of-fold heads: the tuned number up to 5,000 images, then fewer in proportion (at least
 * 3), since a pass over 80,000 vectors makes sixteen times the updates of one over 5,000.
 */
export function foldEpochs(epochs: number, images: number): number {
  return images <= FULL_EPOCHS_UP_TO ? epochs : Math.max(3, Math.round((epochs * FULL_EPOCHS_UP_TO) / images));
}

export interface HealthInput {
  /** One vector per labelled image, their labels and splits: in memory, or streamed from a file. */
  vectors: TrainingSet;
  splits: readonly HealthSplit[];
  labelNames: string[];
  options?: Partial<typeof HEALTH_DEFAULTS> & { threads?: number; seed?: number; map?: boolean; mapPoints?: number };
  /** Each stage as it starts; the map also reports how far it is (0 to 1). */
  onStage?: (stage: HealthStage, fraction?: number) => void;
}

export type HealthStage = "neighbours" | "folds" | "map" | "done";

export interface HealthReport {
  duplicates: (DuplicateGroup & { crossesSplits: boolean })[];
  mislabeled: LabelIssue[];
  /** Images beyond the dataset's stray cutoff, most isolated first (at most `strays` of them). */
  strays: Isolation[];
  /** The `strays` most isolated images, flagged or not (what a reviewer looks through next). */
  mostIsolated: Isolation[];
  strayCutoff: number;
  balance: Balance;
  /** The dataset map, when asked for: the images it shows (all, or a sample) and x, y for each in [0, 1]. */
  map?: { rows: number[]; points: Float32Array };
  seconds: { neighbours: number; folds: number; map: number };
}

/** The whole check of a dataset's cached vectors: duplicates and leakage, likely wrong labels, strays, balance. */
export async function datasetHealth(input: HealthInput): Promise<HealthReport> {
  const options = { ...HEALTH_DEFAULTS, ...input.options };
  const { vectors } = input;
  const n = vectors.y.length;
  const started = performance.now();
  input.onStage?.("neighbours");
  const neighbours = await nearestNeighbours(rowsOf(vectors), n, options.neighbours, options.threads);
  const groups = nearDuplicateGroups(neighbours, {
    maxDistance: options.duplicateDistance,
    ratio: options.duplicateRatio,
  });
  const afterNeighbours = performance.now();
  input.onStage?.("folds");
  const probabilities = await outOfFoldProbabilities(vectors, input.labelNames.length, {
    folds: options.folds,
    epochs: foldEpochs(options.epochs, vectors.y.length),
    seed: options.seed,
  });
  const afterFolds = performance.now();
  let map: HealthReport["map"];
  if (options.map) {
    input.onStage?.("map");
    const rows = mapRows(n, options.mapPoints ?? MAP_POINTS, options.seed);
    const graph = rows.length === n ? neighbours : await sampleNeighbours(vectors, rows, options);
    const onEpoch = (epoch: number, of: number) => input.onStage?.("map", epoch / of);
    map = { rows, points: (await datasetMap(graph, { seed: options.seed, onEpoch })).points };
  }
  input.onStage?.("done");
  const isolation = isolationRanking(neighbours, options.duplicateDistance);
  const cutoff = strayCutoff(isolation);
  const mostIsolated = isolation.slice(0, options.strays);
  return {
    ...(map ? { map } : {}),
    duplicates: groups.map((g) => ({
      ...g,
      crossesSplits: new Set(g.members.map((m) => input.splits[m])).size > 1,
    })),
    mislabeled: likelyMislabeled(probabilities, vectors.y, input.labelNames.length),
    strays: mostIsolated.filter((s) => s.score > cutoff),
    mostIsolated,
    strayCutoff: cutoff,
    balance: balanceOf(vectors.y, input.splits, input.labelNames),
    seconds: {
      neighbours: (afterNeighbours - started) / 1000,
      folds: (afterFolds - afterNeighbours) / 1000,
      map: (performance.now() - afterFolds) / 1000,
    },
  };
}

/** The images the map shows: all of them up to `most`, else a seeded sample of that many, in row order. */
function mapRows(n: number, most: number, seed = 42): number[] {
  if (n <= most) return Array.from({ length: n }, (_, row) => row);
  return [...shuffledIndices(n, seededRandom(seed)).subarray(0, most)].sort((a, b) => a - b);
}

/** The neighbours of a sample among itself (the map's graph must join the points it draws). */
const sampleNeighbours = (vectors: TrainingSet, rows: number[], options: { neighbours: number; threads?: number }) =>
  nearestNeighbours(gatheredRows(rowsOf(vectors), rows), rows.length, options.neighbours, options.threads);
