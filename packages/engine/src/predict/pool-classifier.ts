import type * as tf from "@tensorflow/tfjs";
import type { ExtractionPool } from "../extraction/worker-pool.js";
import { answer, type Classifier, predictVectors, type ServingCalibration } from "./classifier.js";

/**
 * A classifier whose base model runs on the extraction pool's worker threads (decoding included), so
 * concurrent batches use every core; only the small head runs on the calling thread.
 */
export function createPoolClassifier(
  pool: ExtractionPool,
  head: tf.LayersModel,
  labels: string[],
  calibrated?: ServingCalibration,
): Classifier {
  return {
    labels,
    async predict(images, topK = 5) {
      const { vectors, errors } = await pool.run(images.map((img) => ({ name: img.name, bytes: img.bytes })));
      const dim = pool.spec.featureDim;
      const good = images.flatMap((_, i) => (errors[i] ? [] : [i]));
      const x = new Float32Array(good.length * dim);
      for (const [row, i] of good.entries()) x.set(vectors.subarray(i * dim, (i + 1) * dim), row * dim);
      const probs = await predictVectors(head, x, dim);
      const rowOf = new Map(good.map((i, row) => [i, row]));
      const k = labels.length;
      return images.map((img, i) => {
        const error = errors[i];
        if (error) return { name: img.name, error };
        const row = rowOf.get(i) ?? 0;
        const vector = x.slice(row * dim, (row + 1) * dim);
        return answer(img.name, probs.subarray(row * k, (row + 1) * k), vector, labels, topK, calibrated);
      });
    },
  };
}
