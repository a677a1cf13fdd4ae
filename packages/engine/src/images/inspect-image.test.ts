import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectImage } from "./inspect-image.js";

const photo = (width: number, height: number, progressive = false) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 160, b: 90 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="50%" cy="50%" r="30%" fill="#f0c"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 90, progressive })
    .toBuffer();

describe("inspectImage (one libvips pass)", () => {
  it("gives size, format and a WebP thumbnail at most 256 pixels, EXIF orientation applied", async () => {
    const rotated = await sharp(await photo(1600, 1200))
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const info = await inspectImage(rotated, "rotated.jpg");
    expect(info).toMatchObject({ width: 1600, height: 1200, format: "jpeg", mimeType: "image/jpeg" });
    const thumb = await sharp(info.thumbnail ?? Buffer.alloc(0)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 192, 256]);
  });

  it("keeps no thumbnail for an upright JPEG within 256 pixels (it is its own), and makes one for the rest", async () => {
    for (const [width, height] of [
      [128, 128],
      [256, 200],
    ] as const) {
      const small = await photo(width, height);
      expect(await inspectImage(small, "small.jpg")).toEqual({
        width,
        height,
        format: "jpeg",
        mimeType: "image/jpeg",
        thumbnail: null,
      });
    }
    const others = [
      await photo(257, 100),
      await sharp(await photo(128, 96))
        .withMetadata({ orientation: 6 })
        .toBuffer(),
      await sharp(await photo(128, 128))
        .png()
        .toBuffer(),
    ];
    for (const bytes of others) {
      const { thumbnail } = await inspectImage(bytes, "other");
      expect((await sharp(thumbnail ?? Buffer.alloc(0)).metadata()).format).toBe("webp");
    }
  });

  it("refuses a small JPEG cut short, saying why, as for larger ones", async () => {
    const small = await photo(128, 128);
    for (const kept of [0.5, 0.99])
      await expect(inspectImage(small.subarray(0, Math.floor(small.length * kept)), "cut.jpg")).rejects.toThrow(
        /corrupt or truncated/,
      );
  });

  it("refuses a file cut short anywhere, baseline or progressive JPEG or PNG, saying why", async () => {
    const png = await sharp(await photo(800, 600))
      .png()
      .toBuffer();
    for (const bytes of [await photo(1600, 1200), await photo(1600, 1200, true), png])
      for (const kept of [0.5, 0.99])
        await expect(inspectImage(bytes.subarray(0, Math.floor(bytes.length * kept)), "cut")).rejects.toThrow(
          /corrupt or truncated/,
        );
    await expect(inspectImage(Buffer.alloc(0), "empty.jpg")).rejects.toThrow(/empty file/);
    await expect(inspectImage(Buffer.from("plain text"), "notes.jpg")).rejects.toThrow(/not an image/);
  });
});
