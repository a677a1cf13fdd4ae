import type { Db } from "../client.js";
import type { Split } from "../generated/prisma/client.js";
import { bottlenecksRepository } from "./bottlenecks.js";
import { experimentsRepository } from "./experiments.js";

export interface LabelledImage {
  id: string;
  originalName: string;
  split: Split;
  labelId: string | null;
}

/** Vectors read per query while packing: memory holds the packed result and one page, not every row twice. */
const PAGE = 2_000;

/**
 * A dataset's labelled images that have a vector for a base model, those `keep` selects, in `order`, with
 * their vectors packed row by row into one Float32Array. The vectors are read a page at a time in image id
 * order and copied straight to their row, so a 100,000-image dataset costs its packed vectors (512 MB at
 * 1,280 floats) and one page, where reading every row at once held each vector twice.
 */
export async function labelledVectors(
  db: Db,
  datasetId: string,
  baseModelId: string,
  options: { keep?: (image: LabelledImage) => boolean; order?: (a: LabelledImage, b: LabelledImage) => number } = {},
): Promise<{ images: LabelledImage[]; x: Float32Array; dim: number }> {
  const all = await experimentsRepository(db).trainingImages(datasetId, baseModelId);
  const images = all.filter(options.keep ?? (() => true)).sort(options.order ?? ((a, b) => (a.id < b.id ? -1 : 1)));
  const row = new Map(images.map((image, i) => [image.id, i]));
  const pages = bottlenecksRepository(db);
  let x = new Float32Array(0);
  let dim = 0;
  for (let after: string | null = null; ; ) {
    const page = await pages.vectorPage(datasetId, baseModelId, after, PAGE);
    if (page.length === 0) break;
    if (dim === 0) {
      dim = page[0]?.dim ?? 0;
      x = new Float32Array(images.length * dim);
    }
    const bytes = new Uint8Array(x.buffer); // vectors are stored as float32 bytes: copied as they are
    for (const vector of page) {
      const at = row.get(vector.imageId);
      if (at !== undefined && vector.vector.byteLength === dim * 4) bytes.set(vector.vector, at * dim * 4);
    }
    after = page.at(-1)?.imageId ?? null;
  }
  return { images, x, dim };
}
