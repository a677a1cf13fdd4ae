import { seededRandom, shuffledIndices } from "../data/random.js";
import { gatheredRows, rowsOf, type TrainingSet, type VectorSet } from "../data/vector-rows.js";
import { predictRows } from "../predict/classifier.js";
import { createHeadModel } from "../training/head-model.js";
import { resolveHyperparameters, trainingPlan } from "../training/hyperparameters.js";
import { createOptimizer } from "../training/optimizer.js";
import { trainHead } from "../training/train-head.js";

/**
 * The rows `rows` of a set as a set of their own: copied when the set is in memory (it is small), read through
 * from a streamed one a block at a time (it is not; `rows` should then be in a random order, as training
 * streams blocks in order).
 */
function subset(set: TrainingSet, rows: number[]): TrainingSet {
  const y = Int32Array.from(rows, (row) => set.y[row] ?? 0);
  if ("rows" in set) return { rows: gatheredRows(set.rows, rows), y, dim: set.dim };
  const x = new Float32Array(rows.length * set.dim);
  for (const [i, row] of rows.entries()) x.set(set.x.subarray(row * set.dim, (row + 1) * set.dim), i * set.dim);
  return { x, y, dim: set.dim };
}

/**
 * Out-of-fold probabilities `n x classes`: each image scored by a head that never saw it (k folds, a head
 * trained on the others each time). Training a softmax on cached vectors takes seconds, so this is cheap.
 */
export async function outOfFoldProbabilities(
  set: TrainingSet,
  numClasses: number,
  options: { folds?: number; epochs?: number; seed?: number } = {},
): Promise<Float32Array> {
  const n = set.y.length;
  const folds = Math.max(2, Math.min(options.folds ?? 5, n));
  const order = shuffledIndices(n, seededRandom(options.seed ?? 7));
  const foldOf = new Int32Array(n);
  for (const [position, row] of order.entries()) foldOf[row] = position % folds;
  const plan = trainingPlan(
    resolveHyperparameters({ epochs: options.epochs ?? 25, earlyStoppingPatience: 0, seed: options.seed ?? 7 }),
    set.dim,
    numClasses,
  );
  const probabilities = new Float32Array(n * numClasses);
  // A streamed set trains from its rows in the shuffled order (its blocks then mix classes).
  const trainingOrder = "rows" in set ? [...order] : [...foldOf.keys()];
  for (let fold = 0; fold < folds; fold++) {
    const held = [...foldOf.keys()].filter((row) => foldOf[row] === fold);
    const rest = trainingOrder.filter((row) => foldOf[row] !== fold);
    const head = createHeadModel(plan.head);
    const optimizer = createOptimizer(plan.optimizer);
    try {
      const empty: VectorSet = { x: new Float32Array(0), y: new Int32Array(0), dim: set.dim };
      await trainHead(head, optimizer, subset(set, rest), empty, plan.training);
      const scored = await predictRows(head, gatheredRows(rowsOf(set), held), held.length);
      for (const [i, row] of held.entries())
        probabilities.set(scored.subarray(i * numClasses, (i + 1) * numClasses), row * numClasses);
    } finally {
      head.dispose();
      optimizer.dispose();
    }
  }
  return probabilities;
}
