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
});
