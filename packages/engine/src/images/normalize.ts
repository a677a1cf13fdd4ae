import * as tf from "@tensorflow/tfjs";
import type { Normalization } from "../models/catalog.js";

/** Raw RGB bytes [n, h, w, 3] to the float range the model was trained on. */
export function normalizePixels(pixels: tf.Tensor4D, normalization: Normalization): tf.Tensor4D {
  return tf.tidy(() => {
    const x = tf.cast(pixels, "float32");
    return normalization === "[-1,1]" ? x.div(127.5).sub(1) : x.div(255);
  });
}

/** Stacks decoded images into one int32 batch tensor [n, size, size, 3]. */
export function pixelBatch(images: Uint8Array[], size: number): tf.Tensor4D {
  const batch = new Int32Array(images.length * size * size * 3);
  for (const [i, pixels] of images.entries()) batch.set(pixels, i * size * size * 3);
  return tf.tensor4d(batch, [images.length, size, size, 3], "int32");
}
