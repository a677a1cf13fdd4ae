import * as tf from "@tensorflow/tfjs";
import type { Preprocessing } from "../checkpoints/checkpoint.js";
import { ImageDecodeError } from "../errors.js";
import { decodeImage } from "../images/decode-image.js";
import { pixelBatch } from "../images/normalize.js";
import type { BaseModel } from "../models/base-model.js";
import { runModel } from "../models/run-model.js";

export interface LabelProbability {
  label: string;
  probability: number;
}

export type Prediction = { name: string; top: LabelProbability[] } | { name: string; error: string };

export function topLabels(probs: Float32Array | number[], labels: string[], k: number): LabelProbability[] {
  return labels
    .map((label, i) => ({ label, probability: probs[i] ?? 0 }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, Math.max(1, Math.min(k, labels.length)));
}

/** Probabilities [n, classes] for cached bottleneck vectors (n * dim floats). */
export async function predictVectors(head: tf.LayersModel, x: Float32Array, dim: number): Promise<Float32Array> {
  const n = x.length / dim;
  if (n === 0) return new Float32Array(0);
  const out = tf.tidy(() => runModel(head, tf.tensor2d(x, [n, dim])));
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return data;
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
): Classifier {
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
      if (good.length > 0) {
        const out = tf.tidy(() => {
          const features = base.extract(
            pixelBatch(
              good.map((g) => g.pixels),
              size,
            ),
          );
          return runModel(head, features);
        });
        probs = (await out.data()) as Float32Array;
        out.dispose();
      }
      const k = labels.length;
      const rowOf = new Map(good.map((g, row) => [g.i, row]));
      return images.map((img, i) => {
        const d = decoded[i];
        if (d instanceof ImageDecodeError) return { name: img.name, error: d.reason };
        const row = rowOf.get(i) ?? 0;
        return { name: img.name, top: topLabels(probs.subarray(row * k, (row + 1) * k), labels, topK) };
      });
    },
  };
}
