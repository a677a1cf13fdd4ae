import sharp from "sharp";
import { ImageDecodeError } from "../errors.js";
import { DEFAULT_MAX_PIXELS, decodeImage } from "./decode-image.js";

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
 * Checks that uploaded bytes are an image the engine can train on (decoding it fully, so a truncated
 * file is refused now rather than at extraction) and makes its thumbnail.
 */
export async function inspectImage(
  bytes: Buffer,
  name: string,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<InspectedImage> {
  const decoded = await decodeImage(bytes, name, { size: 8, maxPixels });
  try {
    const thumbnail = await sharp(bytes, { limitInputPixels: maxPixels, animated: false })
      .rotate()
      .resize(256, 256, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      width: decoded.width,
      height: decoded.height,
      format: decoded.format,
      mimeType: MIME[decoded.format] ?? "application/octet-stream",
      thumbnail,
    };
  } catch (error) {
    throw new ImageDecodeError(name, `cannot make a thumbnail (${(error as Error).message})`);
  }
}
