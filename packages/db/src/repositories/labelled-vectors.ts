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

/** Vectors read per query: memory holds one page, not every row at once. */
const PAGE = 2_000;

export interface LabelledImageOptions {
  keep?: (image: LabelledImage) => boolean;
  order?: (a: LabelledImage, b: LabelledImage) => number;
}

/** A dataset's labelled images that have a vector for a base model, those `keep` selects, in `order`. */
export async function labelledImages(
  db: Db,
  datasetId: string,
  baseModelId: string,
  options: LabelledImageOptions = {},
): Promise<LabelledImage[]> {
  const all = await experimentsRepository(db).trainingImages(datasetId, baseModelId);
  return all.filter(options.keep ?? (() => true)).sort(options.order ?? ((a, b) => (a.id < b.id ? -1 : 1)));
}

/**
 * Reads the vectors of the images in `rows` (image id to row number) a page at a time in image id order, and
 * hands each to `place` as its float32 bytes with its row; `start` learns the vectors' width before the first.
 * Vectors of other images, or of another width, are skipped.
 */
export async function placeVectors(
  db: Db,
  datasetId: string,
  baseModelId: string,
  rows: ReadonlyMap<string, number>,
  place: { start(dim: number): void; row(bytes: Uint8Array, row: number): void },
): Promise<number> {
  const pages = bottlenecksRepository(db);
  let dim = 0;
  for (let after: string | null = null; ; ) {
    const page = await pages.vectorPage(datasetId, baseModelId, after, PAGE);
    if (page.length === 0) break;
    if (dim === 0) {
      dim = page[0]?.dim ?? 0;
      place.start(dim);
    }
    for (const vector of page) {
      const at = rows.get(vector.imageId);
      if (at !== undefined && vector.vector.byteLength === dim * 4) place.row(vector.vector, at);
    }
    after = page.at(-1)?.imageId ?? null;
  }
  return dim;
}
