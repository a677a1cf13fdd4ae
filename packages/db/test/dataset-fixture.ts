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
