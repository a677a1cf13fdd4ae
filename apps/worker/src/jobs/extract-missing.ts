import { type BaseModel, baseModelsRepository, bottlenecksRepository, type Db, vectorToBytes } from "@retrain/db";
import {
  createExtractionPool,
  type DownloadOptions,
  type ExtractionJob,
  type ExtractionProgress,
  extractBottlenecks,
  type InferenceChoice,
} from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/models";
import { log } from "../observability/log.js";
import { extractedImages } from "../observability/worker-metrics.js";

export interface WorkerDeps {
  db: Db;
  modelCacheDir: string;
  /** How URL base models are fetched on this machine's first use: the guarded fetch and the limits. */
  download?: DownloadOptions;
  /** Where base models run: auto (ONNX Runtime where it can), onnxruntime, or a TensorFlow.js backend. */
  inference: InferenceChoice;
  threads?: number;
}

/**
 * Computes the bottleneck vectors a dataset lacks for a base model and stores them idempotently, so a
 * rerun after a crash computes only what is still missing and duplicates nothing.
 */
export async function extractMissing(
  deps: WorkerDeps,
  datasetId: string,
  baseModel: BaseModel,
  hooks: {
    onStart?: (total: number) => Promise<unknown>;
    onProgress?: (p: ExtractionProgress) => Promise<void>;
    signal?: AbortSignal;
  } = {},
) {
  const bottlenecks = bottlenecksRepository(deps.db);
  const missing = await bottlenecks.missingImages(datasetId, baseModel.id);
  await hooks.onStart?.(missing.length);
  if (missing.length === 0) return { computed: 0, failed: 0, imagesPerSecond: 0, seconds: 0, backend: null };
  const resolved = await openStoredBaseModel(deps.db, baseModel, deps);
  const pool = await createExtractionPool({
    spec: resolved.spec,
    dir: resolved.dir,
    inference: deps.inference,
    cacheDir: deps.modelCacheDir,
    resize: "center-crop",
    threads: deps.threads,
  });
  async function* items(): AsyncGenerator<ExtractionJob> {
    for (const image of missing) {
      const blob = await bottlenecks.imageBytes(image.sha256);
      if (blob) yield { key: image.id, item: { name: image.originalName, bytes: new Uint8Array(blob.bytes) } };
    }
  }
  try {
    const summary = await extractBottlenecks(items(), {
      pool,
      total: missing.length,
      signal: hooks.signal,
      store: {
        get: async () => undefined, // only missing images are fed in
        put: async (imageId, vector) => {
          await bottlenecks.saveMany([
            { imageId, baseModelId: baseModel.id, vector: vectorToBytes(vector), dim: vector.length },
          ]);
        },
      },
      onFailure: (failed, reason) => void bottlenecks.recordFailure(failed.key, baseModel.id, reason),
      onProgress: (p) => void hooks.onProgress?.(p),
    });
    const rows = baseModelsRepository(deps.db);
    if (!baseModel.weightsHash) await rows.setWeightsHash(baseModel.id, pool.weightsHash);
    if (pool.backend === "onnxruntime" || pool.onnxUnsupported)
      await rows.setOnnxUnsupported(baseModel.id, pool.onnxUnsupported ?? null);
    if (pool.note) log.warn(pool.note);
    extractedImages.inc(summary.computed);
    return {
      /** What ran the base model (onnxruntime, or a TensorFlow.js backend), shown on the run page. */
      backend: pool.backend,
      computed: summary.computed,
      failed: summary.failed.length,
      imagesPerSecond: summary.imagesPerSecond,
      seconds: summary.seconds,
    };
  } finally {
    await pool.close();
  }
}
