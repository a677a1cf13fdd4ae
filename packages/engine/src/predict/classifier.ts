import * as tf from "@tensorflow/tfjs";
import { type Calibration, decide, type UnknownReason } from "../calibration/calibration.js";
import type { Preprocessing } from "../checkpoints/checkpoint.js";
import { nextTurn } from "../data/next-turn.js";
import { rowsInMemory, SCORE_ROWS, type VectorRows } from "../data/vector-rows.js";
import { ImageDecodeError } from "../errors.js";
import type { BaseModel } from "../formats/load-base-model.js";
import { decodeImage } from "../images/decode-image.js";
import { pixelBatch } from "../images/normalize.js";
import { runModel } from "../models/run-model.js";

export type LabelProbability = {
  label: string;
  probability: number;
};

export type Prediction =
  | {
      name: string;
      top: LabelProbability[];
      /** Why the classifier would rather not answer; null when it stands by its top label. */
      unknown: UnknownReason | null;
      /** Whether the probabilities are calibrated (checkpoints saved before calibration are not). */
      calibrated: boolean;
      /** The image's bottleneck vector (for the evidence: its nearest training images). */
      vector: Float32Array;
    }
  | { name: string; error: string };

/** A checkpoint's calibration, with its centroids ready for distances. */
export interface ServingCalibration {
  calibration: Calibration;
  centroids: Float32Array[];
}

export const servingCalibration = (calibration: Calibration | undefined): ServingCalibration | undefined =>
  calibration && { calibration, centroids: calibration.centroids.map((c) => Float32Array.from(c)) };

/** One image's answer from the head's probabilities: calibrated and able to say "don't know" when it can. */
export function answer(
  name: string,
  probabilities: Float32Array,
  vector: Float32Array,
  labels: string[],
  topK: number,
  calibrated?: ServingCalibration,
): Prediction {
  if (!calibrated)
    return { name, top: topLabels(probabilities, labels, topK), unknown: null, calibrated: false, vector };
  const decided = decide(probabilities, vector, calibrated.calibration, calibrated.centroids);
  return {
    name,
    top: topLabels(decided.probabilities, labels, topK),
    unknown: decided.unknown,
    calibrated: true,
    vector,
  };
}

export function topLabels(probs: Float32Array | number[], labels: string[], k: number): LabelProbability[] {
  return labels
    .map((label, i) => ({ label, probability: probs[i] ?? 0 }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, Math.max(1, Math.min(k, labels.length)));
}

/** Probabilities [n, classes] for cached bottleneck vectors (n * dim floats). */
export async function predictVectors(head: tf.LayersModel, x: Float32Array, dim: number): Promise<Float32Array> {
  if (x.length === 0 || dim === 0) return new Float32Array(0); // an empty split
  return predictRows(head, rowsInMemory(x, dim), x.length / dim);
}

/**
 * The head's probabilities for `n` rows, SCORE_ROWS at a time: the backend never holds a whole large set
 * (WebAssembly memory, once grown, is not given back).
 */
export async function predictRows(head: tf.LayersModel, rows: VectorRows, n: number): Promise<Float32Array> {
  const k = (head.outputs[0]?.shape[1] as number) ?? 0;
  const probabilities = new Float32Array(n * k);
  for (let start = 0; start < n; start += SCORE_ROWS) {
    const count = Math.min(SCORE_ROWS, n - start);
    const out = tf.tidy(() => runModel(head, tf.tensor2d(rows.read(start, count), [count, rows.dim])));
    probabilities.set((await out.data()) as Float32Array, start * k);
    out.dispose();
    await nextTurn();
  }
  return probabilities;
}

/** A base model and a trained head: images in, top-k labels out. */
export interface Classifier {
  labels: string[];
  predict(images: { name: string; bytes: Uint8Array }[], topK?: number): Promise<Prediction[]>;
}

export function createClassifier(
  base: BaseModel,
  head: tf.LayersModel,
  labels: string[],
  preprocessing: Preprocessing,
  calibration?: Calibration,
): Classifier {
  const calibrated = servingCalibration(calibration);
  return {
    labels,
    async predict(images, topK = 5) {
      const size = base.spec.inputSize;
      const decoded = await Promise.all(
        images.map((img) =>
          decodeImage(Buffer.from(img.bytes), img.name, { size, resize: preprocessing.resize }).catch((e: unknown) =>
            e instanceof ImageDecodeError ? e : new ImageDecodeError(img.name, String(e)),
          ),
        ),
      );
      const good = decoded.flatMap((d, i) => (d instanceof ImageDecodeError ? [] : [{ i, pixels: d.pixels }]));
      let probs: Float32Array = new Float32Array(0);
      let vectors: Float32Array = new Float32Array(0);
      if (good.length > 0) {
        const features = tf.tidy(() =>
          base.extract(
            pixelBatch(
              good.map((g) => g.pixels),
              size,
            ),
          ),
        );
        const out = tf.tidy(() => runModel(head, features));
        [probs, vectors] = [(await out.data()) as Float32Array, (await features.data()) as Float32Array];
        tf.dispose([out, features]);
      }
      const dim = base.spec.featureDim;
      const k = labels.length;
      const rowOf = new Map(good.map((g, row) => [g.i, row]));
      return images.map((img, i) => {
        const d = decoded[i];
        if (d instanceof ImageDecodeError) return { name: img.name, error: d.reason };
        const row = rowOf.get(i) ?? 0;
        const vector = vectors.slice(row * dim, (row + 1) * dim);
        return answer(img.name, probs.subarray(row * k, (row + 1) * k), vector, labels, topK, calibrated);
      });
    },
  };
}
