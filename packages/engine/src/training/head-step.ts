import * as tf from "@tensorflow/tfjs";
import { headLoss } from "./head-loss.js";

/**
 * One optimizer step on a batch of `rows` vectors of `dim` floats (row after row in `x`), `targets`
 * [rows, classes] already smoothed and scaled by class weight, `totalWeight` their sum of weights. The loss
 * minimised is headLoss's either way.
 */
export type HeadStep = (x: Float32Array, rows: number, targets: Float32Array, totalWeight: number) => void;

/** The step for this head: the closed-form gradient for retrain.py's single softmax layer, autograd otherwise. */
export function headStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  { l2, dim, autograd = false }: { l2: number; dim: number; autograd?: boolean | undefined },
): HeadStep {
  const [layer] = model.layers;
  const [kernel, bias] = layer?.trainableWeights ?? [];
  const softmaxOnly = model.layers.length === 1 && layer?.getConfig().activation === "softmax";
  if (autograd || !softmaxOnly || !kernel || !bias || layer.trainableWeights.length !== 2)
    return autogradStep(model, optimizer, l2, dim);
  return (x, rows, targets, totalWeight) =>
    tf.tidy(() => {
      const w = kernel.read();
      const bx = tf.tensor2d(x.subarray(0, rows * dim), [rows, dim]);
      const t = tf.tensor2d(targets, [rows, targets.length / rows]);
      const probs = tf.softmax(tf.matMul(bx, w).add(bias.read()));
      // d(loss)/d(logits) of cross-entropy against unnormalised targets t: (p * sum(t) - t) / totalWeight.
      const dLogits = probs.mul(t.sum(1, true)).sub(t).div(Math.max(totalWeight, 1e-7)) as tf.Tensor2D;
      // dW = x^T dLogits with x transposed first: on the WASM backend a product with a transposed operand, or
      // with a second operand new each step (it is repacked), costs twice as much (measured per 80,000 rows:
      // 0.27 s against 0.60 s). Autograd through the layer took 6.8 ms a step of 100, this 0.9 ms: its fused
      // product also computes d(loss)/dx, which nothing uses.
      let dKernel = tf.matMul(bx.transpose(), dLogits);
      if (l2 > 0) dKernel = dKernel.add(w.mul(2 * l2));
      optimizer.applyGradients({ [kernel.name]: dKernel, [bias.name]: dLogits.sum(0) });
    });
}

function autogradStep(model: tf.LayersModel, optimizer: tf.Optimizer, l2: number, dim: number): HeadStep {
  return (x, rows, targets, totalWeight) =>
    tf.tidy(() => {
      const bx = tf.tensor2d(x.subarray(0, rows * dim), [rows, dim]);
      const bt = tf.tensor2d(targets, [rows, targets.length / rows]);
      optimizer.minimize(() =>
        headLoss(model, model.apply(bx, { training: true }) as tf.Tensor2D, bt, totalWeight, l2),
      );
    });
}
