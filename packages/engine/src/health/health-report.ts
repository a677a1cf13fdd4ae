import type { VectorSet } from "../training/train-head.js";
import { type Balance, balanceOf, type HealthSplit } from "./balance.js";
import { type LabelIssue, likelyMislabeled } from "./confident-learning.js";
import { type DuplicateGroup, nearDuplicateGroups } from "./near-duplicates.js";
import { outOfFoldProbabilities } from "./out-of-fold.js";
import { type Isolation, isolationRanking } from "./strays.js";
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

export interface HealthInput {
  /** One vector per labelled image (row-major), their labels and splits. */
  vectors: VectorSet;
  splits: readonly HealthSplit[];
  labelNames: string[];
  options?: Partial<typeof HEALTH_DEFAULTS> & { threads?: number; seed?: number };
  onStage?: (stage: "neighbours" | "folds" | "done") => void;
}

export interface HealthReport {
  duplicates: (DuplicateGroup & { crossesSplits: boolean })[];
  mislabeled: LabelIssue[];
  /** The most isolated images first (only the `strays` most isolated are kept). */
  strays: Isolation[];
  balance: Balance;
  seconds: { neighbours: number; folds: number };
}

/** The whole check of a dataset's cached vectors: duplicates and leakage, likely wrong labels, strays, balance. */
export async function datasetHealth(input: HealthInput): Promise<HealthReport> {
  const options = { ...HEALTH_DEFAULTS, ...input.options };
  const { vectors } = input;
  const started = performance.now();
  input.onStage?.("neighbours");
  const neighbours = nearestNeighbours(vectors.x, vectors.dim, options.neighbours, options.threads);
  const groups = nearDuplicateGroups(neighbours, {
    maxDistance: options.duplicateDistance,
    ratio: options.duplicateRatio,
  });
  const afterNeighbours = performance.now();
  input.onStage?.("folds");
  const probabilities = await outOfFoldProbabilities(vectors, input.labelNames.length, {
    folds: options.folds,
    epochs: options.epochs,
    seed: options.seed,
  });
  input.onStage?.("done");
  return {
    duplicates: groups.map((g) => ({
      ...g,
      crossesSplits: new Set(g.members.map((m) => input.splits[m])).size > 1,
    })),
    mislabeled: likelyMislabeled(probabilities, vectors.y, input.labelNames.length),
    strays: isolationRanking(neighbours, options.duplicateDistance).slice(0, options.strays),
    balance: balanceOf(vectors.y, input.splits, input.labelNames),
    seconds: {
      neighbours: (afterNeighbours - started) / 1000,
      folds: (performance.now() - afterNeighbours) / 1000,
    },
  };
}
