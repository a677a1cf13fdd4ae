// The API's model cache owns what it holds: with more base models and heads than it keeps, predicting through
// all of them again and again leaves TensorFlow.js's tensors and the process's memory where they were.
import { cp, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkpointsRepository } from "@retrain/db";
import {
  initBackend,
  resolveHyperparameters,
  tensorMemory,
  toCheckpointRecord,
  trainClassifier,
  trainingPlan,
} from "@retrain/engine";
import { sharedDir, useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { syncCatalog } from "../src/services/base-models/base-model-service.js";
import { createModelCache } from "../src/services/base-models/model-cache.js";

const BASES = [
  { key: "mobilenet_v2_035_224", folder: "mobilenet_v2_035_224_notop", dim: 1280 },
  { key: "mobilenet_v1_025_224", folder: "mobilenet_v1_025_224", dim: 256 },
];
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** A head trained for a moment on random vectors: real weights of the right shape, stored as a run's would be. */
async function storedCheckpoint(
  db: Awaited<ReturnType<typeof useTestDatabase>>["db"],
  runId: string,
  base: {
    id: string;
    key: string;
    dim: number;
  },
) {
  const set = (n: number) => ({
    x: Float32Array.from({ length: n * base.dim }, () => Math.random()),
    y: Int32Array.from({ length: n }, (_, i) => i % 3),
    dim: base.dim,
    names: Array.from({ length: n }, (_, i) => `v${i}`),
  });
  const { checkpoint } = await trainClassifier({
    labels: ["daisy", "roses", "tulips"],
    train: set(12),
    validation: set(0),
    test: set(0),
    plan: trainingPlan(resolveHyperparameters({ epochs: 1 }), base.dim, 3),
    baseModel: { id: base.key, url: "", format: "layers", featureDim: base.dim, weightsHash: "" },
    preprocessing: { inputSize: 224, normalization: "[-1,1]", resize: "center-crop" },
  });
  const row = await checkpointsRepository(db).create({
    runId,
    ...toCheckpointRecord(checkpoint),
    baseModelId: base.id,
    baseModelWeightsHash: "",
    metrics: {},
  });
  return row.id;
}

describe("the model cache's memory", () => {
  let checkpointIds: string[];
  let newCache: () => ReturnType<typeof createModelCache>;
  let images: { name: string; bytes: Uint8Array }[];

  beforeAll(async () => {
    await initBackend("auto");
    const { db } = await useTestDatabase();
    await syncCatalog(db);
    const modelCacheDir = await mkdtemp(path.join(os.tmpdir(), "retrain-cache-memory-"));
    for (const base of BASES)
      await cp(path.join(sharedDir(), "models", base.folder), path.join(modelCacheDir, base.key), { recursive: true });
    const ws = await db.workspace.create({ data: { name: "W", slug: "w-memory" } });
    const dataset = await db.dataset.create({ data: { workspaceId: ws.id, name: "D" } });
    checkpointIds = [];
    for (const base of BASES) {
      const row = await db.baseModel.findFirstOrThrow({ where: { key: base.key } });
      const experiment = await db.experiment.create({
        data: { datasetId: dataset.id, baseModelId: row.id, name: base.key, hyperparameters: {} },
      });
      for (let i = 0; i < 2; i++) {
        const run = await db.trainingRun.create({ data: { experimentId: experiment.id, hyperparameters: {} } });
        checkpointIds.push(await storedCheckpoint(db, run.id, { id: row.id, ...base }));
      }
    }
    // Holds one base model and two heads: four heads on two bases go in and out all the time.
    newCache = () => createModelCache(db, { modelCacheDir, inference: "auto", threads: 1 }, { bases: 1, heads: 2 });
    const flowers = path.join(sharedDir(), "datasets/flowers_small/daisy");
    images = await Promise.all(
      ["100080576_f52e8ee070_n.jpg", "10140303196_b88d3d6cec.jpg"].map(async (name) => ({
        name,
        bytes: await readFile(path.join(flowers, name)),
      })),
    );
  }, 120_000);

  it("serves more models than it holds, and gives back tensors and memory", async () => {
    const round = async (cache: ReturnType<typeof createModelCache>) => {
      for (const id of checkpointIds) {
        const { predictions } = await cache.predict(id, images, 3);
        expect(predictions.every((p) => "top" in p && p.top.length === 3)).toBe(true);
      }
    };
    // A first cache, used once and closed, warms what lives as long as the process (kernels, constants).
    const first = newCache();
    await round(first);
    await first.close();
    const baseline = tensorMemory().tensors;

    const cache = newCache();
    await round(cache);
    const warm = { tensors: tensorMemory().tensors, rss: process.memoryUsage().rss };
    expect(cache.held()).toEqual({ heads: 2, bases: 1 });
    for (let i = 0; i < 8; i++) await round(cache); // 32 more head loads, 32 more base model pools
    const after = { tensors: tensorMemory().tensors, rss: process.memoryUsage().rss };
    console.log(`model cache: rss ${mb(warm.rss)} MB after one round, ${mb(after.rss)} MB after nine`);
    expect(after.tensors).toBe(warm.tensors); // evicted heads disposed
    expect(after.rss - warm.rss).toBeLessThan(100 * 2 ** 20); // their worker threads and sessions freed
    await cache.close();
    expect(cache.held()).toEqual({ heads: 0, bases: 0 });
    expect(tensorMemory().tensors).toBe(baseline);
  }, 300_000);
});
