import { seededRandom, shuffledIndices } from "../data/random.js";
import { predictVectors } from "../predict/classifier.js";
import { createHeadModel } from "../training/head-model.js";
import { resolveHyperparameters, trainingPlan } from "../training/hyperparameters.js";
import { createOptimizer } from "../training/optimizer.js";
import { trainHead, type VectorSet } from "../training/train-head.js";

/** Rows of a VectorSet, copied into a new one. */
function pick(set: VectorSet, rows: number[]): VectorSet {
  const x = new Float32Array(rows.length * set.dim);
  for (const [i, row] of rows.entries()) x.set(set.x.subarray(row * set.dim, (row + 1) * set.dim), i * set.dim);
  return { x, y: Int32Array.from(rows, (row) => set.y[row] ?? 0), dim: set.dim };
}

/**
 * Out-of-fold probabilities `n x classes`: each image scored by a head that never saw it (k folds, a head
 * trained on the others each time). Training a softmax on cached vectors takes seconds, so this is cheap.
 */
export async function outOfFoldProbabilities(
  set: VectorSet,
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
  for (let fold = 0; fold < folds; fold++) {
    const held = [...foldOf.keys()].filter((row) => foldOf[row] === fold);
    const rest = [...foldOf.keys()].filter((row) => foldOf[row] !== fold);
    const head = createHeadModel(plan.head);
    const optimizer = createOptimizer(plan.optimizer);
    try {
      const empty = { x: new Float32Array(0), y: new Int32Array(0), dim: set.dim };
      await trainHead(head, optimizer, pick(set, rest), empty, plan.training);
      const scored = await predictVectors(head, pick(set, held).x, set.dim);
      for (const [i, row] of held.entries())
        probabilities.set(scored.subarray(i * numClasses, (i + 1) * numClasses), row * numClasses);
    } finally {
      head.dispose();
      optimizer.dispose();
    }
  }
  return probabilities;
}
