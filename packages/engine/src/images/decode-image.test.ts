import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { gradientImage } from "../../test/fixtures.js";
import { ImageDecodeError } from "../errors.js";
import { decodeImage } from "./decode-image.js";

const size = 16;

async function pixelAt(input: Buffer, x: number, y: number, options = {}) {
  const { pixels } = await decodeImage(input, "test", { size, ...options });
  const i = (y * size + x) * 3;
  return [pixels[i], pixels[i + 1], pixels[i + 2]];
}

describe("decodeImage", () => {
  it.each(["jpeg", "png", "webp", "gif", "avif", "tiff"] as const)("decodes %s to size x size RGB", async (format) => {
    const bytes = await gradientImage(2, 40, 30).toFormat(format).toBuffer();
    const out = await decodeImage(bytes, `x.${format}`, { size });
    expect(out.pixels.length).toBe(size * size * 3);
    expect([out.width, out.height]).toEqual([40, 30]);
    expect(out.format).toBe(format === "jpeg" ? "jpeg" : format === "avif" ? "heif" : format);
  });

  it("makes grayscale, alpha, CMYK and 16-bit images 8-bit RGB", async () => {
    const gray = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#808080" } })
      .grayscale()
      .png()
      .toBuffer();
    expect(await pixelAt(gray, 3, 3)).toEqual([128, 128, 128]);
    const transparent = await sharp({
      create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect(await pixelAt(transparent, 3, 3)).toEqual([255, 255, 255]); // alpha over white
    const cmyk = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#ff0000" } })
      .toColourspace("cmyk")
      .jpeg()
      .toBuffer();
    const [r, g, b] = (await pixelAt(cmyk, 3, 3)) as number[];
    expect(r).toBeGreaterThan(200);
    expect(Math.max(g ?? 0, b ?? 0)).toBeLessThan(80);
    const deep = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#00ff00" } })
      .toColourspace("rgb16")
      .png()
      .toBuffer();
    expect(await pixelAt(deep, 3, 3)).toEqual([0, 255, 0]);
  });

  it("applies EXIF orientation", async () => {
    // Left half red, right half blue; orientation 3 (rotated 180°) puts blue on the left when applied.
    const raw = Buffer.alloc(16 * 16 * 3);
    for (let i = 0; i < 16 * 16; i++) raw.set(i % 16 < 8 ? [255, 0, 0] : [0, 0, 255], i * 3);
    const rotated = await sharp(raw, { raw: { width: 16, height: 16, channels: 3 } })
      .withMetadata({ orientation: 3 })
      .png()
      .toBuffer();
    const [r, , b] = (await pixelAt(rotated, 1, 8)) as number[];
    expect(b).toBeGreaterThan(200);
    expect(r).toBeLessThan(50);
  });

  it("flips for the flip variant and squashes or centre-crops as asked", async () => {
    const raw = Buffer.alloc(32 * 16 * 3);
    for (let i = 0; i < 32 * 16; i++) raw.set(i % 32 < 16 ? [255, 0, 0] : [0, 0, 255], i * 3);
    const wide = await sharp(raw, { raw: { width: 32, height: 16, channels: 3 } })
      .png()
      .toBuffer();
    expect((await pixelAt(wide, 0, 8))[0]).toBe(255);
    expect((await pixelAt(wide, 0, 8, { variant: "flip" }))[2]).toBe(255);
    // Centre-crop keeps the middle 16x16 (half red, half blue); squash keeps both halves too, scaled.
    expect((await pixelAt(wide, 1, 8, { resize: "center-crop" }))[0]).toBe(255);
    expect((await pixelAt(wide, 14, 8, { resize: "squash" }))[2]).toBe(255);
  });

  it.each([
    ["an empty file", Buffer.alloc(0), /empty/],
    ["a text file", Buffer.from("hello, I am not an image"), /not an image/],
    ["a truncated JPEG", null, /corrupt or truncated/],
  ])("refuses %s with a typed error naming the file", async (_what, bytes, reason) => {
    const input = bytes ?? (await gradientImage(1, 64, 64).jpeg().toBuffer()).subarray(0, 400);
    const error = await decodeImage(input, "photos/bad.jpg", { size }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect((error as ImageDecodeError).file).toBe("photos/bad.jpg");
    expect((error as ImageDecodeError).reason).toMatch(reason);
  });

  it("refuses images over the pixel limit (decompression bombs)", async () => {
    const big = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    await expect(decodeImage(big, "bomb.png", { size, maxPixels: 100_000 })).rejects.toThrow(/too large/);
  });

  it("names a missing file", async () => {
    await expect(decodeImage("/nonexistent/x.jpg", "x.jpg", { size })).rejects.toThrow(/x.jpg: file not found/);
  });

  it("decodes small JPEGs in process (mozjpeg) as libvips would, and still refuses them truncated", async () => {
    const photo = await gradientImage(2, 128, 96, 3).jpeg({ quality: 90 }).toBuffer();
    const fast = await decodeImage(photo, "small.jpg", { size: 224 });
    const reference = await sharp(photo)
      .resize(224, 224, { fit: "cover", kernel: "linear" })
      .removeAlpha()
      .raw()
      .toBuffer();
    const meanDifference =
      fast.pixels.reduce((sum, v, i) => sum + Math.abs(v - (reference[i] ?? 0)), 0) / reference.length;
    // Both bilinear; they differ in where pixel centres sit when enlarging, by a few levels on this noisy image.
    expect(meanDifference).toBeLessThan(5);
    expect(fast).toMatchObject({ width: 128, height: 96, format: "jpeg" });
    const flipped = await decodeImage(photo, "small.jpg", { size: 224, variant: "flip" });
    // A mirror image, up to half a pixel where the crop's excess is odd.
    let mirrorDifference = 0;
    for (let y = 0; y < 224; y++)
      for (let x = 0; x < 224; x++)
        for (let c = 0; c < 3; c++)
          mirrorDifference += Math.abs(
            (flipped.pixels[(y * 224 + x) * 3 + c] ?? 0) - (fast.pixels[(y * 224 + 223 - x) * 3 + c] ?? 0),
          );
    expect(mirrorDifference / flipped.pixels.length).toBeLessThan(5);
    const truncated = photo.subarray(0, Math.floor(photo.length * 0.6));
    const error = await decodeImage(truncated, "cut.jpg", { size: 224 }).catch((e: unknown) => e);
    expect((error as ImageDecodeError).reason).toMatch(/corrupt or truncated/);
  });
});
