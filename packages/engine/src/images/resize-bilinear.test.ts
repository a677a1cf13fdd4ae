import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { resizeBilinear } from "./resize-bilinear.js";

/** A deterministic RGB(A) image with edges and gradients (a plain gradient would hide row mix-ups). */
function image(width: number, height: number, channels: number) {
  const pixels = new Uint8Array(width * height * channels);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + ((i / channels) % width) * 13) % 256;
  return pixels;
}

/** TensorFlow's own bilinear resize (half-pixel centres, as retrain.py's graph), rounded to bytes. */
function tfResize(pixels: Uint8Array, width: number, height: number, outH: number, outW: number) {
  return tf.tidy(() => {
    const input = tf.tensor3d(Int32Array.from(pixels), [height, width, 3], "int32");
    return tf.image.resizeBilinear(input, [outH, outW], false, true).round().dataSync();
  });
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
};

describe("resizeBilinear", () => {
  it("stretches as TensorFlow's resize_bilinear does, within fixed point's rounding", () => {
    const pixels = image(37, 23, 3);
    const ours = resizeBilinear(pixels, 37, 23, { x: 0, y: 0, width: 37, height: 23 }, 64, "fill");
    expect(ours.length).toBe(64 * 64 * 3);
    expect(maxDifference(ours, tfResize(pixels, 37, 23, 64, 64))).toBeLessThanOrEqual(1);
  });

  it("covers: the centre of the image scaled so its shorter side fits", () => {
    // 40 x 20 to 20: scaled to 40 x 20 (unchanged), the centre 20 columns kept.
    const pixels = image(40, 20, 3);
    const ours = resizeBilinear(pixels, 40, 20, { x: 0, y: 0, width: 40, height: 20 }, 20, "cover");
    const centre = new Uint8Array(20 * 20 * 3);
    for (let y = 0; y < 20; y++) centre.set(pixels.subarray((y * 40 + 10) * 3, (y * 40 + 30) * 3), y * 60);
    expect(Array.from(ours)).toEqual(Array.from(centre));
  });

  it("reads RGBA the same as RGB, and a window the same as the cropped image", () => {
    const rgb = image(30, 18, 3);
    const rgba = new Uint8Array(30 * 18 * 4);
    for (let p = 0; p < 30 * 18; p++) rgba.set([...rgb.subarray(p * 3, p * 3 + 3), 255 - (p % 256)], p * 4);
    const whole = { x: 0, y: 0, width: 30, height: 18 };
    expect(resizeBilinear(rgba, 30, 18, whole, 48, "cover", 4)).toEqual(
      resizeBilinear(rgb, 30, 18, whole, 48, "cover"),
    );

    const window = { x: 4, y: 3, width: 20, height: 12 };
    const cropped = new Uint8Array(20 * 12 * 3);
    for (let y = 0; y < 12; y++) cropped.set(rgb.subarray(((y + 3) * 30 + 4) * 3, ((y + 3) * 30 + 24) * 3), y * 60);
    const fromWindow = resizeBilinear(rgb, 30, 18, window, 48, "cover");
    // The window's last row and column blend with pixels beyond it (as TensorFlow's crop-then-resize would not):
    // compare away from that edge.
    const fromCrop = resizeBilinear(cropped, 20, 12, { x: 0, y: 0, width: 20, height: 12 }, 48, "cover");
    for (let y = 0; y < 40; y++)
      expect(Array.from(fromWindow.subarray(y * 144, y * 144 + 120))).toEqual(
        Array.from(fromCrop.subarray(y * 144, y * 144 + 120)),
      );
  });

  it("mirrors: the flip of an image is the flipped resize, and calls in a row do not share state", () => {
    const pixels = image(33, 21, 3);
    const rect = { x: 0, y: 0, width: 33, height: 21 };
    const plain = resizeBilinear(pixels, 33, 21, rect, 50, "fill");
    const flipped = resizeBilinear(pixels, 33, 21, rect, 50, "fill", 3, true);
    for (let y = 0; y < 50; y++)
      for (let x = 0; x < 50; x++)
        for (let c = 0; c < 3; c++) expect(flipped[(y * 50 + x) * 3 + c]).toBe(plain[(y * 50 + (49 - x)) * 3 + c]);
    // The same call again (after others of other sizes) gives the same bytes: row buffers kept between calls.
    resizeBilinear(image(9, 40, 4), 9, 40, { x: 0, y: 0, width: 9, height: 40 }, 17, "cover", 4);
    expect(resizeBilinear(pixels, 33, 21, rect, 50, "fill")).toEqual(plain);
  });
});
