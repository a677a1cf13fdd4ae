import type { Db } from "../src/client.js";

/** A workspace with one dataset and a base model of `featureDim` dimensions (no files behind it). */
export async function datasetAndBaseModel(db: Db, featureDim: number) {
  const workspace = await db.workspace.create({ data: { name: "Fixture", slug: "fixture" } });
  const dataset = await db.dataset.create({ data: { workspaceId: workspace.id, name: "images" } });
  const baseModel = await db.baseModel.create({
    data: {
      key: "fixture-model",
      name: "Fixture model",
      sourceUrl: "file:///fixture-model",
      format: "LAYERS",
      inputWidth: 224,
      inputHeight: 224,
      normalization: "[-1,1]",
      bottleneckOutput: "pool",
      featureDim,
    },
  });
  return { workspaceId: workspace.id, datasetId: dataset.id, baseModelId: baseModel.id };
}

/**
 * Images numbered `from` to `to` in a dataset, made by SQL (ids `i000001`..., in id order; empty blobs): for
 * tests of queries over thousands of images.
 */
export const addImages = (db: Db, datasetId: string, from: number, to: number) =>
  db.$executeRawUnsafe(
    `WITH n AS (SELECT g FROM generate_series($2::int, $3::int) g),
          b AS (INSERT INTO "Blob" (sha256, bytes, size, "mimeType") SELECT 'h' || g, '', 0, 'image/jpeg' FROM n)
     INSERT INTO "Image" (id, "datasetId", split, sha256, width, height, format, "originalName")
     SELECT 'i' || lpad(g::text, 6, '0'), $1, 'TRAIN', 'h' || g, 1, 1, 'jpeg', g || '.jpg' FROM n`,
    datasetId,
    from,
    to,
  );
