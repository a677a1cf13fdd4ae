import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { blobs } from "../../test/fixtures.js";
import { initBackend } from "../backend.js";
import { headLoss } from "./head-loss.js";
import { createHeadModel } from "./head-model.js";
import { headStep } from "./head-step.js";

const [dim, k, rows] = [16, 3, 40];

/** Smoothed, unevenly weighted targets, as trainHead builds them. */
function targetsFor(y: Int32Array, weights: number[], smoothing: number): { targets: Float32Array; total: number } {
  const targets = new Float32Array(y.length * k);
  let total = 0;
  for (const [row, label] of y.entries()) {
    const w = weights[label] ?? 1;
    total += w;
    for (let c = 0; c < k; c++) targets[row * k + c] = w * ((c === label ? 1 - smoothing : 0) + smoothing / k);
  }
  return { targets, total };
}

describe("headStep", () => {
  beforeAll(() => initBackend("auto"));

  it("moves a softmax head's weights as autograd through headLoss does, with L2, smoothing and class weights", async () => {
    const { x, y } = blobs(rows, dim, k, 3);
    const { targets, total } = targetsFor(y, [0.5, 1, 2], 0.1);
    const [closedForm, autograd] = [
      createHeadModel({ featureDim: dim, numClasses: k, seed: 9 }),
      createHeadModel({ featureDim: dim, numClasses: k, seed: 9 }),
    ];
    const [optimizerA, optimizerB] = [tf.train.sgd(0.5), tf.train.sgd(0.5)];
    const step = headStep(closedForm, optimizerA, { l2: 0.01, dim });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      step(x, rows, targets, total);
      tf.tidy(() => {
        const bx = tf.tensor2d(x, [rows, dim]);
        const bt = tf.tensor2d(targets, [rows, k]);
        optimizerB.minimize(() => headLoss(autograd, autograd.apply(bx) as tf.Tensor2D, bt, total, 0.01));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    const [a, b] = [closedForm, autograd].map((m) => m.getWeights().map((w) => Array.from(w.dataSync())));
    const initial = createHeadModel({ featureDim: dim, numClasses: k, seed: 9 }).getWeights()[0]?.dataSync() ?? [];
    expect(a?.[0]?.[0]).not.toBeCloseTo(initial[0] ?? 0, 3); // the steps moved the weights
    for (const [layer, weights] of (a ?? []).entries())
      for (const [i, value] of weights.entries()) expect(value).toBeCloseTo(b?.[layer]?.[i] ?? Number.NaN, 4);
  });

  it("steps a head with a hidden layer through autograd, and leaks no tensors", () => {
    const { x, y } = blobs(rows, dim, k, 3);
    const { targets, total } = targetsFor(y, [1, 1, 1], 0);
    const model = createHeadModel({ featureDim: dim, numClasses: k, hiddenUnits: 8, seed: 9 });
    const step = headStep(model, tf.train.sgd(0.5), { l2: 0, dim });
    const loss = () =>
      tf.tidy(
        () =>
          headLoss(
            model,
            model.predict(tf.tensor2d(x, [rows, dim])) as tf.Tensor2D,
            tf.tensor2d(targets, [rows, k]),
            total,
            0,
          ).dataSync()[0] ?? 0,
      );
    const [first, before] = [loss(), tf.memory().numTensors];
    for (let i = 0; i < 10; i++) step(x, rows, targets, total);
    expect(tf.memory().numTensors).toBe(before);
    expect(loss()).toBeLessThan(first);
  });
});
