import { readFile } from "node:fs/promises";
import { ImageDecodeError } from "../errors.js";
import { decodeImage, type ResizeMode } from "../images/decode-image.js";
import type { ExtractionItem } from "./messages.js";
import type { PixelExtractor } from "./pixel-extractor.js";

export interface BatchResult {
  vectors: Float32Array;
  errors: (string | null)[];
  decodeMs: number;
  inferMs: number;
}

/**
 * Decodes a batch of images and runs the ones that decode through the base model in one call. A failing
 * image gets its reason in `errors` and never stops the others.
 */
export async function extractBatch(
  model: PixelExtractor,
  items: ExtractionItem[],
  options: { resize: ResizeMode; maxPixels?: number },
): Promise<BatchResult> {
  const { inputSize: size, featureDim } = model.spec;
  const t0 = performance.now();
  const decoded = await Promise.all(
    items.map(async (item) => {
      try {
        const input = item.bytes ? Buffer.from(item.bytes) : await readFile(item.path ?? item.name);
        return (
          await decodeImage(input, item.name, {
            size,
            resize: options.resize,
            variant: item.variant,
            maxPixels: options.maxPixels,
          })
        ).pixels;
      } catch (error) {
        return error instanceof ImageDecodeError ? error : new ImageDecodeError(item.name, (error as Error).message);
      }
    }),
  );
  const t1 = performance.now();
  const good = decoded.flatMap((d, i) => (d instanceof Uint8Array ? [{ i, pixels: d }] : []));
  const vectors = new Float32Array(items.length * featureDim);
  if (good.length > 0) {
    const perImage = size * size * 3;
    const batch = new Uint8Array(good.length * perImage);
    for (const [row, g] of good.entries()) batch.set(g.pixels, row * perImage);
    const data = await model.run(batch, good.length);
    for (const [row, g] of good.entries())
      vectors.set(data.subarray(row * featureDim, (row + 1) * featureDim), g.i * featureDim);
  }
  return {
    vectors,
    errors: decoded.map((d) => (d instanceof ImageDecodeError ? d.reason : null)),
    decodeMs: t1 - t0,
    inferMs: performance.now() - t1,
  };
}
