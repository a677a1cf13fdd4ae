import sharp from "sharp";
import { ImageDecodeError } from "../errors.js";
import { DEFAULT_MAX_PIXELS, decodeFailureReason } from "./decode-image.js";

export interface InspectedImage {
  width: number;
  height: number;
  format: string;
  mimeType: string;
  /** A 256-pixel WebP thumbnail, EXIF orientation applied. */
  thumbnail: Buffer;
}

const MIME: Record<string, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  heif: "image/avif",
  tiff: "image/tiff",
  svg: "image/svg+xml",
};

/**
 * Checks that uploaded bytes are an image the engine can train on and makes its thumbnail, in one libvips
 * pass: the thumbnail's decode reads every byte (shrinking on load), and `failOn: "truncated"` refuses a
 * truncated file now rather than at extraction. The header gives size and format.
 */
export async function inspectImage(
  bytes: Buffer,
  name: string,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<InspectedImage> {
  if (bytes.length === 0) throw new ImageDecodeError(name, "empty file");
  try {
    const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: "truncated", animated: false });
    const meta = await image.metadata();
    if (!meta.width || !meta.height || !meta.format) throw new ImageDecodeError(name, "image has no size");
    const thumbnail = await image
      .rotate()
      .resize(256, 256, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      width: meta.width,
      height: meta.height,
      format: meta.format,
      mimeType: MIME[meta.format] ?? "application/octet-stream",
      thumbnail,
    };
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new ImageDecodeError(name, decodeFailureReason(error, maxPixels));
  }
}
