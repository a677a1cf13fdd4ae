import sharp from "sharp";
import { ImageDecodeError } from "../errors.js";
import { DEFAULT_MAX_PIXELS, decodeFailureReason } from "./decode-image.js";
import { decodeJpegRgba } from "./fast-jpeg.js";
import { plainJpegHeader } from "./jpeg-header.js";

export interface InspectedImage {
  width: number;
  height: number;
  format: string;
  mimeType: string;
  /**
   * A WebP thumbnail at most 256 pixels a side, EXIF orientation applied; null when the image is its own
   * thumbnail (a small upright JPEG: see `ownThumbnail`).
   */
  thumbnail: Buffer | null;
}

/** The longest side of a thumbnail. */
const THUMBNAIL_SIZE = 256;

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
 * Checks that uploaded bytes are an image the engine can train on and makes its thumbnail (unless the image is
 * its own), in one libvips pass: the thumbnail's decode reads every byte (shrinking on load), and `failOn: "truncated"` refuses a
 * truncated file now rather than at extraction. The header gives size and format.
 */
export async function inspectImage(
  bytes: Buffer,
  name: string,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<InspectedImage> {
  if (bytes.length === 0) throw new ImageDecodeError(name, "empty file");
  const own = await ownThumbnail(bytes);
  if (own) return own;
  try {
    const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: "truncated", animated: false });
    const meta = await image.metadata();
    if (!meta.width || !meta.height || !meta.format) throw new ImageDecodeError(name, "image has no size");
    const thumbnail = await image
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
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

/**
 * A JPEG already within thumbnail size and upright (no EXIF rotation; gray or colour) is shown as it is: a
 * thumbnail would be a lossy copy of the same pixels, and making one costs about 4 ms of libvips a photo (128 x
 * 128 flowers; `pnpm bench:inspect`), most of an upload's work. mozjpeg decoding every row (0.3 ms) stands for
 * the thumbnail's decode as the check that the file is whole; a file without its end marker, or one mozjpeg
 * cannot read, goes the libvips way, which says what is wrong.
 */
async function ownThumbnail(bytes: Buffer): Promise<InspectedImage | null> {
  const header = plainJpegHeader(bytes);
  if (!header || header.width > THUMBNAIL_SIZE || header.height > THUMBNAIL_SIZE) return null;
  const decoded = await decodeJpegRgba(bytes);
  if (!decoded || decoded.width !== header.width || decoded.height !== header.height) return null;
  return { width: header.width, height: header.height, format: "jpeg", mimeType: "image/jpeg", thumbnail: null };
}
