import * as tf from "@tensorflow/tfjs";
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

/** Mean cross-entropy and accuracy of the model (inference mode) on a whole set, read in one go. */
export async function lossAndAccuracy(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
): Promise<{ loss: number; accuracy: number }> {
  const k = model.outputs[0]?.shape[1] as number;
  const both = tf.tidy(() => {
    const probs = runModel(model, x) as tf.Tensor2D;
    const loss = tf.oneHot(y, k).toFloat().mul(probs.clipByValue(1e-7, 1).log()).sum(1).neg().mean();
    const accuracy = probs.argMax(1).equal(y).toFloat().mean();
    return tf.stack([loss, accuracy]);
  });
  const [loss = 0, accuracy = 0] = await both.data();
  both.dispose();
  return { loss, accuracy };
}
