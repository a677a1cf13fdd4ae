import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../src/backend.js";
import { type Checkpoint, createCheckpoint, restoreCheckpoint } from "../src/checkpoints/checkpoint.js";
import { readCheckpointFolder, writeCheckpointFolder } from "../src/checkpoints/checkpoint-files.js";
import { createHeadModel } from "../src/training/head-model.js";
import { createOptimizer, type OptimizerConfig } from "../src/training/optimizer.js";
import { trainHead } from "../src/training/train-head.js";
import { blobs, tempDir } from "./fixtures.js";

const train = blobs(120, 12, 3, 5);
const headOptions = { featureDim: 12, numClasses: 3, hiddenUnits: 6, dropout: 0 };

async function weightsOf(model: tf.LayersModel): Promise<number[][]> {
  return Promise.all(model.getWeights().map(async (w) => Array.from(await w.data())));
}

describe.each<OptimizerConfig>([
  { name: "adam", learningRate: 0.01 },
  { name: "sgd", learningRate: 0.05, momentum: 0.9 },
])("checkpoint with $name", (optimizerConfig) => {
  beforeAll(() => initBackend("auto"));

  it("restores head and optimizer state: training on gives exactly what uninterrupted training gives", async () => {
    const model = createHeadModel(headOptions);
    const optimizer = createOptimizer(optimizerConfig);
    await trainHead(model, optimizer, train, undefined, { epochs: 3, batchSize: 16, seed: 1 });
    const checkpoint: Checkpoint = await createCheckpoint(model, optimizer, {
      step: 3,
      labels: ["a", "b", "c"],
      baseModel: { id: "test", url: "file:///test", format: "layers", weightsHash: "abc", featureDim: 12 },
      preprocessing: { inputSize: 32, normalization: "[-1,1]", resize: "center-crop" },
      training: { head: headOptions, optimizer: optimizerConfig, options: { epochs: 3, batchSize: 16 } },
    });
    const dir = await tempDir("ckpt");
    await writeCheckpointFolder(dir, checkpoint);
    const restored = await restoreCheckpoint(await readCheckpointFolder(dir));

    // Same predictions as before saving.
    const x = tf.tensor2d(train.x.subarray(0, 24), [2, 12]);
    expect(Array.from(await (restored.head.predict(x) as tf.Tensor).data())).toEqual(
      Array.from(await (model.predict(x) as tf.Tensor).data()),
    );

    // Two more epochs from the checkpoint equal two more epochs of the original.
    const more = { epochs: 2, batchSize: 16, seed: 2, initialEpoch: 3 };
    const resumed = await trainHead(restored.head, restored.optimizer, train, undefined, more);
    await trainHead(model, optimizer, train, undefined, more);
    expect(resumed.history.map((h) => h.epoch)).toEqual([4, 5]);
    const [a, b] = [await weightsOf(restored.head), await weightsOf(model)];
    for (const [i, w] of a.entries()) {
      for (const [j, v] of w.entries()) expect(v).toBeCloseTo(b[i]?.[j] ?? Number.NaN, 5);
    }
  });
});
