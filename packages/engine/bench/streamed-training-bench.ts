// `npm run bench:train-stream [-- N]`: the default head (retrain.py's softmax layer, the product's defaults:
// Adam, batch 100, all 50 epochs: early stopping off, as real vectors at 100k never stopped early) trained on
// N synthetic 1,280-float vectors (103,464 by default, as bench:100k has: 90% train, 10% validation) read from a local file, as a worker reads a dataset larger
// than TRAINING_MEMORY_MB. Then two epochs of the same head stepped through autograd, in the same run, for the
// ratio. Prints seconds, seconds per epoch, validation accuracy and the peak RSS.
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../src/backend.js";
import { DEFAULTS } from "../src/training/defaults.js";
import { createHeadModel } from "../src/training/head-model.js";
import { createOptimizer } from "../src/training/optimizer.js";
import { trainHead } from "../src/training/train-head.js";
import { rssSampler, syntheticVectorFile } from "./synthetic-vectors.js";

const n = Number(process.argv[2] ?? 103_464);
const backend = await initBackend("auto");
const { vectors, classes, remove } = syntheticVectorFile(n);
const rss = rssSampler();
// The worker writes a run's training rows to the file in a shuffled order and holds validation in memory.
const trainCount = Math.round(n * 0.9);
const train = { rows: vectors.rows, y: vectors.y.subarray(0, trainCount), dim: vectors.dim };
const validation = {
  x: vectors.rows.read(trainCount, n - trainCount).slice(),
  y: vectors.y.subarray(trainCount),
  dim: vectors.dim,
};

async function trainDefaultHead(epochs: number, autograd: boolean) {
  const head = createHeadModel({ featureDim: vectors.dim, numClasses: classes, seed: 1 });
  const optimizer = createOptimizer(DEFAULTS.optimizer);
  const result = await trainHead(head, optimizer, train, validation, {
    ...DEFAULTS.training,
    epochs,
    earlyStoppingPatience: undefined,
    autograd,
  });
  head.dispose();
  optimizer.dispose();
  return result;
}
try {
  const closedForm = await trainDefaultHead(DEFAULTS.training.epochs, false);
  const autograd = await trainDefaultHead(2, true);
  const perEpoch = (r: Awaited<ReturnType<typeof trainDefaultHead>>) => r.seconds / r.history.length;
  console.log(
    JSON.stringify(
      {
        backend,
        vectors: { train: train.y.length, validation: validation.y.length },
        seconds: closedForm.seconds,
        epochs: closedForm.history.length,
        secondsPerEpoch: { closedForm: perEpoch(closedForm), autograd: perEpoch(autograd) },
        speedup: perEpoch(autograd) / perEpoch(closedForm),
        validationAccuracy: closedForm.history.at(-1)?.validationAccuracy,
        peakRssMb: rss.peakMb(),
        tensorsLeft: tf.memory().numTensors,
      },
      null,
      2,
    ),
  );
} finally {
  rss.stop();
  remove();
}
