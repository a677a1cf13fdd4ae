import * as tf from "@tensorflow/tfjs";
import { type Normalization, pixelTransform, reordersChannels } from "./normalization.js";

/** Raw RGB bytes [n, h, w, 3] to the values the model was trained on. */
export function normalizePixels(pixels: tf.Tensor4D, normalization: Normalization): tf.Tensor4D {
  const t = pixelTransform(normalization);
  return tf.tidy(() => {
    let x: tf.Tensor4D = tf.cast(pixels, "float32");
    if (reordersChannels(t)) x = tf.reverse(x, 3);
    return x.mul(t.scale).add(tf.tensor1d(t.offset));
  });
}

/** Stacks decoded images into one int32 batch tensor [n, size, size, 3]. */
export function pixelBatch(images: Uint8Array[], size: number): tf.Tensor4D {
  const batch = new Int32Array(images.length * size * size * 3);
  for (const [i, pixels] of images.entries()) batch.set(pixels, i * size * size * 3);
  return tf.tensor4d(batch, [images.length, size, size, 3], "int32");
}
