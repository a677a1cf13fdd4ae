/** What a JPEG's header says, read without decoding anything. */
export interface JpegHeader {
  width: number;
  height: number;
  /** 1 (gray), 3 (YCbCr or RGB), 4 (CMYK or YCCK). */
  components: number;
  /** EXIF orientation, 1 when absent. */
  orientation: number;
}

const isJpeg = (b: Uint8Array) => b.length > 4 && b[0] === 0xff && b[1] === 0xd8;

/** EXIF orientation (tag 0x0112) from an APP1 segment's TIFF block, or 1. */
function exifOrientation(b: Uint8Array, start: number, end: number): number {
  if (String.fromCharCode(...b.subarray(start, start + 4)) !== "Exif") return 1;
  const tiff = start + 6;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (tiff + 8 > end) return 1;
  const little = view.getUint16(tiff) === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
  }
  return 1;
}

/** Scans the markers up to the frame header (SOFn); null when the bytes are not a readable JPEG. */
export function readJpegHeader(b: Uint8Array): JpegHeader | null {
  if (!isJpeg(b)) return null;
  let orientation = 1;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = ((b[at + 2] as number) << 8) | (b[at + 3] as number);
    const body = at + 4;
    if (marker === 0xe1) orientation = exifOrientation(b, body, Math.min(b.length, at + 2 + length));
    // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (body + 6 > b.length) return null;
      const height = ((b[body + 1] as number) << 8) | (b[body + 2] as number);
      const width = ((b[body + 3] as number) << 8) | (b[body + 4] as number);
      return { width, height, components: b[body + 5] as number, orientation };
    }
    if (marker === 0xda) return null; // scan data before any frame header
    at += 2 + length;
  }
  return null;
}

/**
 * The header of a JPEG that mozjpeg decodes as libvips would: upright (no EXIF rotation), gray or colour (not
 * CMYK), and ending with its end marker (mozjpeg fills a truncated file's missing rows with grey where libvips
 * refuses it). Null for anything else, which takes the libvips path.
 */
export function plainJpegHeader(b: Uint8Array): JpegHeader | null {
  const header = readJpegHeader(b);
  if (!header || header.orientation > 1 || (header.components !== 3 && header.components !== 1)) return null;
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return null;
  return header;
}
