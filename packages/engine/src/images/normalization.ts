/**
 * How a base model expects its input pixels, from RGB bytes 0..255:
 * - `[-1,1]`: scaled to [-1, 1] (Keras applications: MobileNet, Inception-v3);
 * - `[0,1]`: scaled to [0, 1] (TF Hub image models; EfficientNet-B0, which standardises itself);
 * - `caffe`: channels reversed to BGR and ImageNet's means subtracted, no scaling (Keras ResNet-50).
 */
export const NORMALIZATIONS = ["[-1,1]", "[0,1]", "caffe"] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export const isNormalization = (value: string): value is Normalization =>
  (NORMALIZATIONS as readonly string[]).includes(value);

/** A stored normalisation (a database row, a checkpoint) read back; unknown values are MobileNet's. */
export const normalizationOf = (value: string | null | undefined): Normalization =>
  value && isNormalization(value) ? value : "[-1,1]";

/** out[c] = in[order[c]] * scale + offset[c]: every normalisation as one per-channel affine map. */
export interface PixelTransform {
  order: [number, number, number];
  scale: number;
  offset: [number, number, number];
}

const CAFFE_BGR_MEANS: [number, number, number] = [103.939, 116.779, 123.68];

export function pixelTransform(normalization: Normalization): PixelTransform {
  switch (normalization) {
    case "[-1,1]":
      return { order: [0, 1, 2], scale: 1 / 127.5, offset: [-1, -1, -1] };
    case "[0,1]":
      return { order: [0, 1, 2], scale: 1 / 255, offset: [0, 0, 0] };
    case "caffe":
      return { order: [2, 1, 0], scale: 1, offset: CAFFE_BGR_MEANS.map((m) => -m) as [number, number, number] };
  }
}

/** Whether the map reorders channels (RGB to BGR), which needs more than a scale and an offset. */
export const reordersChannels = (t: PixelTransform) => t.order.some((c, i) => c !== i);
