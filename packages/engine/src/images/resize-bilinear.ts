/** A window of a decoded image: where it starts and how large it is, in source pixels. */
export interface SourceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Source coordinates and weights of bilinear sampling along one axis, computed once per axis. */
function axisPlan(
  outSize: number,
  sourceStart: number,
  sourceLength: number,
  scale: number,
  offset: number,
  limit: number,
) {
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const weight = new Float32Array(outSize);
  for (let i = 0; i < outSize; i++) {
    // Pixel centres (half-pixel), as TensorFlow's resize_bilinear with half_pixel_centers.
    const at = Math.min(Math.max((i + offset + 0.5) / scale - 0.5, 0), sourceLength - 1);
    const floor = Math.floor(at);
    lo[i] = sourceStart + floor;
    hi[i] = sourceStart + Math.min(floor + 1, sourceLength - 1, limit - 1 - sourceStart);
    weight[i] = at - floor;
  }
  return { lo, hi, weight };
}

/**
 * Bilinear resize of RGB bytes to size x size: `cover` scales the window's shorter side to `size` and keeps
 * the centre (retrain.py's central crop); `fill` stretches it. For small and moderate images this costs a
 * third of a libvips pipeline (measured: 0.4 ms against 2 ms to enlarge 128 x 128 to 224 x 224).
 */
export function resizeBilinear(
  pixels: Uint8Array,
  width: number,
  height: number,
  rect: SourceRect,
  size: number,
  fit: "cover" | "fill",
  /** Bytes a pixel of `pixels`: 3 (RGB) or 4 (RGBA, the alpha ignored). */
  channels = 3,
  /** Mirror left to right (the flip augmentation). */
  mirror = false,
): Uint8Array {
  let sx = size / rect.width;
  let sy = size / rect.height;
  let ox = 0;
  let oy = 0;
  if (fit === "cover") {
    const scale = Math.max(sx, sy);
    sx = scale;
    sy = scale;
    ox = Math.floor((Math.round(rect.width * scale) - size) / 2);
    oy = Math.floor((Math.round(rect.height * scale) - size) / 2);
  }
  const cols = axisPlan(size, rect.x, rect.width, sx, ox, width);
  const rows = axisPlan(size, rect.y, rect.height, sy, oy, height);
  if (mirror) {
    // Sampling the mirrored window at p is sampling the window at its mirror image: ends swap, weights flip.
    const edge = 2 * rect.x + rect.width - 1;
    for (let x = 0; x < size; x++) {
      const lo = cols.lo[x] as number;
      cols.lo[x] = edge - (cols.hi[x] as number);
      cols.hi[x] = edge - lo;
      cols.weight[x] = 1 - (cols.weight[x] as number);
    }
  }
  // Fixed point (weights in 1/256): integer arithmetic, measured 40% faster than floats here.
  const left = Int32Array.from(cols.lo, (v) => v * channels);
  const right = Int32Array.from(cols.hi, (v) => v * channels);
  const wx = Int32Array.from(cols.weight, (v) => Math.round(v * 256));
  const line = size * 3;
  // Separable: each source row used is resized across once (rows shared by consecutive output rows when
  // enlarging), then each output row blends two of them.
  const across = new Int32Array((rect.y + rect.height) * line);
  const done = new Uint8Array(rect.y + rect.height);
  const acrossRow = (r: number) => {
    if (done[r]) return;
    done[r] = 1;
    const base = r * width * channels;
    for (let x = 0, o = r * line; x < size; x++, o += 3) {
      const a = base + (left[x] as number);
      const b = base + (right[x] as number);
      const w = wx[x] as number;
      const r = pixels[a] as number;
      const g = pixels[a + 1] as number;
      const bl = pixels[a + 2] as number;
      across[o] = (r << 8) + ((pixels[b] as number) - r) * w;
      across[o + 1] = (g << 8) + ((pixels[b + 1] as number) - g) * w;
      across[o + 2] = (bl << 8) + ((pixels[b + 2] as number) - bl) * w;
    }
  };
  const out = new Uint8Array(size * line);
  for (let y = 0; y < size; y++) {
    const top = rows.lo[y] as number;
    const bottom = rows.hi[y] as number;
    acrossRow(top);
    acrossRow(bottom);
    const wy = Math.round((rows.weight[y] as number) * 256);
    const a = top * line;
    const b = bottom * line;
    for (let i = 0, o = y * line; i < line; i++, o++) {
      const u = across[a + i] as number;
      out[o] = ((u << 8) + ((across[b + i] as number) - u) * wy + 32768) >> 16;
    }
  }
  return out;
}
