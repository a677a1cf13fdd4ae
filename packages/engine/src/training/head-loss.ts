import * as tf from "@tensorflow/tfjs";
import { nextTurn } from "../data/next-turn.js";
import { rowsOf, SCORE_ROWS, type TrainingSet } from "../data/vector-rows.js";
import { runModel } from "../models/run-model.js";

/**
 * Cross-entropy against `targets`, rows already scaled by their class weight (and smoothed), divided by
 * the batch's total weight; plus l2 * sum of squared kernel weights.
 */
export function headLoss(
  model: tf.LayersModel,
  probs: tf.Tensor2D,
  targets: tf.Tensor2D,
  totalWeight: number,
  l2: number,
): tf.Scalar {
  let loss = targets.mul(probs.clipByValue(1e-7, 1).log()).sum().neg().div(Math.max(totalWeight, 1e-7)) as tf.Scalar;
  if (l2 > 0) {
    for (const w of model.trainableWeights.filter((v) => v.name.includes("kernel"))) {
      loss = loss.add(w.read().square().sum().mul(l2));
    }
  }
  return loss;
}

/**
 * Mean cross-entropy and accuracy of the model (inference mode) on a whole set, scored SCORE_ROWS rows at a
 * time (a 100,000-vector set never becomes one tensor on the backend; sums carried in JavaScript doubles).
 */
export async function lossAndAccuracy(
  model: tf.LayersModel,
  set: TrainingSet,
): Promise<{ loss: number; accuracy: number }> {
  const k = model.outputs[0]?.shape[1] as number;
  const n = set.y.length;
  const rows = rowsOf(set);
  let [lossSum, correct] = [0, 0];
  for (let start = 0; start < n; start += SCORE_ROWS) {
    const end = Math.min(n, start + SCORE_ROWS);
    const both = tf.tidy(() => {
      const x = tf.tensor2d(rows.read(start, end - start), [end - start, set.dim]);
      const y = tf.tensor1d(set.y.subarray(start, end), "int32");
      const probs = runModel(model, x) as tf.Tensor2D;
      const loss = tf.oneHot(y, k).toFloat().mul(probs.clipByValue(1e-7, 1).log()).sum().neg();
      const right = probs.argMax(1).equal(y).toFloat().sum();
      return tf.stack([loss, right]);
    });
    const [loss = 0, right = 0] = await both.data();
    both.dispose();
    lossSum += loss;
    correct += right;
    await nextTurn();
  }
  return { loss: n > 0 ? lossSum / n : 0, accuracy: n > 0 ? correct / n : 0 };
}
