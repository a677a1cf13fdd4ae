import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobs } from "../../test/fixtures.js";
import { initBackend } from "../backend.js";
import { rowsInFile } from "../data/vector-rows.js";
import { lossAndAccuracy } from "./head-loss.js";
import { createHeadModel } from "./head-model.js";
import { createOptimizer } from "./optimizer.js";
import { classWeightVector, TRAIN_METRIC_ROWS, trainHead, type VectorSet } from "./train-head.js";

const options = { epochs: 15, batchSize: 32, seed: 7 };

describe("trainHead", () => {
  beforeAll(() => initBackend("auto"));

  it("learns separable classes and reports every epoch", async () => {
    const model = createHeadModel({ featureDim: 16, numClasses: 3 });
    const epochs: number[] = [];
    const result = await trainHead(
      model,
      createOptimizer({ name: "adam", learningRate: 0.01 }),
      blobs(300, 16, 3, 1),
      blobs(90, 16, 3, 1),
      options,
      (m) => {
        epochs.push(m.epoch);
      },
    );
    expect(epochs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const last = result.history.at(-1);
    expect(last?.validationAccuracy).toBeGreaterThan(0.95);
    expect(last?.trainLoss).toBeLessThan(result.history[0]?.trainLoss ?? 0);
  });

  it("is reproducible: the same seed gives the same weights, another seed other weights", async () => {
    const run = async (seed: number, hiddenUnits = 8) => {
      const model = createHeadModel({ featureDim: 16, numClasses: 3, hiddenUnits, dropout: 0.3, seed });
      await trainHead(model, createOptimizer({ name: "sgd", learningRate: 0.05 }), blobs(200, 16, 3, 2), undefined, {
        ...options,
        seed,
        labelSmoothing: 0.1,
        l2: 0.001,
      });
      return Array.from(await (model.getWeights().at(-2) as tf.Tensor).data());
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it("stops early when validation loss stops improving, keeping the best weights", async () => {
    const model = createHeadModel({ featureDim: 16, numClasses: 3 });
    // Validation labels are shuffled noise: its loss stops improving quickly.
    const validation = blobs(90, 16, 3, 9);
    validation.y.reverse();
    const result = await trainHead(
      model,
      createOptimizer({ name: "adam", learningRate: 0.05 }),
      blobs(300, 16, 3, 1),
      validation,
      { ...options, epochs: 200, earlyStoppingPatience: 3 },
    );
    expect(result.stoppedEarly).toBe(true);
    expect(result.history.length).toBeLessThan(200);
    expect(result.history.length - result.bestEpoch).toBe(3);
  });

  it("weighs classes by n / (classes * count) when balanced", () => {
    const y = new Int32Array([0, 0, 0, 1]);
    const [w0, w1] = classWeightVector(y, 2, "balanced");
    expect(w0).toBeCloseTo(4 / 6);
    expect(w1).toBe(2);
    expect(Array.from(classWeightVector(y, 2, "none"))).toEqual([1, 1]);
    expect(() => classWeightVector(y, 2, [1])).toThrow(/needs 2 values/);
  });

  it("leaks no tensors", async () => {
    const model = createHeadModel({ featureDim: 8, numClasses: 2 });
    const optimizer = createOptimizer({ name: "adam", learningRate: 0.01 });
    await trainHead(model, optimizer, blobs(50, 8, 2, 3), blobs(20, 8, 2, 3), { ...options, epochs: 1 });
    const before = tf.memory().numTensors;
    await trainHead(model, optimizer, blobs(50, 8, 2, 3), blobs(20, 8, 2, 3), {
      ...options,
      epochs: 3,
      earlyStoppingPatience: 1,
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it("scores training metrics on rows spread over a large set, close to the whole set's figures", async () => {
    // Clean rows first, then noisy ones around the same centres: a sample from one end would score far off.
    const [clean, noisy] = [blobs(TRAIN_METRIC_ROWS, 16, 3, 4, 0.1), blobs(TRAIN_METRIC_ROWS, 16, 3, 4, 12)];
    const sorted = {
      x: Float32Array.from([...clean.x, ...noisy.x]),
      y: Int32Array.from([...clean.y, ...noisy.y]),
      dim: 16,
    };
    const model = createHeadModel({ featureDim: 16, numClasses: 3, seed: 2 });
    const result = await trainHead(model, createOptimizer({ name: "adam", learningRate: 0.01 }), sorted, undefined, {
      ...options,
      epochs: 1,
    });
    const whole = await lossAndAccuracy(model, sorted);
    const [epoch] = result.history;
    expect(whole.accuracy).toBeLessThan(0.9); // the clean half alone scores about 1
    expect(epoch?.trainAccuracy).toBeCloseTo(whole.accuracy, 2);
    expect(epoch?.trainLoss).toBeCloseTo(whole.loss, 1);
    model.dispose();
  });

  describe("a set streamed from a file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "train-rows-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** The set's rows written to a file, read back a block at a time. */
    const streamed = (set: VectorSet, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, new Uint8Array(set.x.buffer, set.x.byteOffset, set.x.byteLength));
      return { rows: rowsInFile(file, set.dim), y: set.y, dim: set.dim };
    };
    const weightsAfter = async (train: Parameters<typeof trainHead>[2], validation: VectorSet) => {
      const model = createHeadModel({ featureDim: 16, numClasses: 3, seed: 5 });
      const optimizer = createOptimizer({ name: "adam", learningRate: 0.01 });
      const result = await trainHead(model, optimizer, train, validation, options);
      const weights = Array.from(await (model.getWeights().at(-2) as tf.Tensor).data());
      model.dispose();
      optimizer.dispose();
      return { weights, accuracy: result.history.at(-1)?.validationAccuracy ?? 0 };
    };

    it("trains exactly as in memory when it fits one block", async () => {
      const set = blobs(300, 16, 3, 1);
      const file = streamed(set, "small.f32");
      try {
        expect(await weightsAfter(file, blobs(90, 16, 3, 1))).toEqual(await weightsAfter(set, blobs(90, 16, 3, 1)));
      } finally {
        file.rows.close();
      }
    });

    it("learns as well across several blocks, and leaks no tensors", async () => {
      const set = blobs(10_000, 16, 3, 1); // three blocks of 4,096 rows
      const file = streamed(set, "large.f32");
      const before = tf.memory().numTensors;
      try {
        const [fromFile, inMemory] = [
          await weightsAfter(file, blobs(300, 16, 3, 1)),
          await weightsAfter(set, blobs(300, 16, 3, 1)),
        ];
        expect(fromFile.accuracy).toBeGreaterThan(0.95);
        expect(Math.abs(fromFile.accuracy - inMemory.accuracy)).toBeLessThan(0.02);
        expect(fromFile.weights).not.toEqual(inMemory.weights); // blocks shuffle differently: a real second path
      } finally {
        file.rows.close();
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    it("lets timers run between blocks (a worker renews its job's lease while it trains)", async () => {
      const set = blobs(10_000, 16, 3, 1);
      const file = streamed(set, "turns.f32");
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 0);
      try {
        const model = createHeadModel({ featureDim: 16, numClasses: 3, seed: 5 });
        const optimizer = createOptimizer({ name: "adam", learningRate: 0.01 });
        await trainHead(model, optimizer, file, undefined, { ...options, epochs: 2 });
        model.dispose();
        optimizer.dispose();
      } finally {
        clearInterval(ticker);
        file.rows.close();
      }
      // Two epochs of three blocks each, and the blocks each epoch's loss is scored in: a timer ran after each.
      expect(ticks).toBeGreaterThanOrEqual(2 * 3);
    });
  });
});
