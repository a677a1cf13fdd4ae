import sharp from "sharp";
import { ImageDecodeError } from "../errors.js";

export type ResizeMode = "center-crop" | "squash";

/**
 * Augmentation variants. Each is a fixed, deterministic transform, so its bottleneck vector is computed
 * once and cached like the original's: augmenting keeps the cache's speed.
 */
export const VARIANTS = ["original", "flip", "zoom", "flip-zoom"] as const;
export type Variant = (typeof VARIANTS)[number];

export interface DecodeOptions {
  size: number;
  resize?: ResizeMode;
  variant?: Variant;
  /** Refuse images with more pixels than this (decompression bombs). Default: 50 megapixels. */
  maxPixels?: number;
}

export interface DecodedImage {
  /** size x size x 3 RGB bytes, row-major. */
  pixels: Uint8Array;
  width: number;
  height: number;
  format: string;
}

export const DEFAULT_MAX_PIXELS = 50_000_000;
/** The "zoom" variants keep the centre 80% of the image. */
const ZOOM = 0.8;

/** Turns sharp's messages into reasons a person understands. */
function reasonFor(error: unknown, maxPixels: number): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return `image is too large (over ${maxPixels.toLocaleString("en")} pixels)`;
  if (/unsupported image format/i.test(message)) return "not an image, or an image format that is not supported";
  if (/empty/i.test(message)) return "empty file";
  if (/input file is missing/i.test(message)) return "file not found";
  if (/premature end|truncated|corrupt|invalid|bad|VipsJpeg|gifload|pngload|webp/i.test(message)) {
    return `corrupt or truncated image (${message.split("\n")[0]})`;
  }
  return message.split("\n")[0] ?? "cannot be decoded";
}

/**
 * Decodes an image file to RGB pixels at the model's input size. EXIF orientation is applied; grayscale,
 * alpha (over white), CMYK and 16-bit images become 8-bit sRGB; GIFs and other animations use frame one.
 */
export async function decodeImage(input: Buffer | string, name: string, options: DecodeOptions): Promise<DecodedImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (Buffer.isBuffer(input) && input.length === 0) throw new ImageDecodeError(name, "empty file");
  try {
    const source = sharp(input, { limitInputPixels: maxPixels, failOn: "truncated", animated: false });
    const meta = await source.metadata();
    if (!meta.width || !meta.height) throw new ImageDecodeError(name, "image has no size");
    let image = source.rotate().flatten({ background: "#ffffff" }).toColourspace("srgb");
    const variant = options.variant ?? "original";
    if (variant === "flip" || variant === "flip-zoom") image = image.flop();
    if (variant === "zoom" || variant === "flip-zoom") {
      // rotate() has swapped width and height for EXIF orientations 5-8.
      const [w, h] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
      const cw = Math.max(1, Math.round(w * ZOOM));
      const ch = Math.max(1, Math.round(h * ZOOM));
      image = sharp(await image.png().toBuffer()).extract({
        left: Math.floor((w - cw) / 2),
        top: Math.floor((h - ch) / 2),
        width: cw,
        height: ch,
      });
    }
    const { data, info } = await image
      // Bilinear, as retrain.py resized (tf.image.resize_bilinear); also 30% cheaper than sharp's lanczos3.
      .resize(options.size, options.size, {
        fit: options.resize === "squash" ? "fill" : "cover",
        position: "centre",
        kernel: "linear",
      })
      .removeAlpha()
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new ImageDecodeError(name, `unexpected ${info.channels} channels after conversion`);
    return {
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: meta.width,
      height: meta.height,
      format: meta.format ?? "unknown",
    };
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ImageDecodeError(name, "file not found");
    throw new ImageDecodeError(name, reasonFor(error, maxPixels));
  }
}
