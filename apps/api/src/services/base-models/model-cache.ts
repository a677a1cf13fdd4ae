import { type BaseModel, baseModelsRepository, checkpointsRepository, type Db } from "@retrain/db";
import {
  createExtractionPool,
  createPoolClassifier,
  type DownloadOptions,
  type ExtractionPool,
  fromCheckpointRecord,
  type InferenceChoice,
  initBackend,
  type Prediction,
  type Preprocessing,
  predictVectors,
  restoreCheckpoint,
  type ServingCalibration,
  servingCalibration,
} from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/models";
import { NotFoundError } from "../../domain/errors.js";
import { modelCacheEvents } from "../../observability/api-metrics.js";
import { OwnedCache } from "./owned-cache.js";

interface LoadedHead {
  head: Awaited<ReturnType<typeof restoreCheckpoint>>["head"];
  labels: string[];
  baseModel: BaseModel;
  preprocessing: Preprocessing;
  /** Temperature, threshold and centroids; absent for checkpoints saved before calibration. */
  calibrated: ServingCalibration | undefined;
}

export interface ModelCacheOptions {
  modelCacheDir: string;
  download?: DownloadOptions;
  inference: InferenceChoice;
  /** Worker threads running base models, and ONNX Runtime threads inside each. */
  threads?: number;
  intraOpThreads?: number;
}

/**
 * Models kept in memory for predictions. Each base model runs on a pool of worker threads (shared by every
 * checkpoint trained on it); heads are small and run on the API's thread. Both caches are bounded and own
 * what they hold: an evicted head's tensors are disposed and an evicted pool's threads stopped, once no
 * prediction uses them.
 */
export function createModelCache(db: Db, options: ModelCacheOptions, capacity = { bases: 2, heads: 16 }) {
  const heads = new OwnedCache<LoadedHead>(
    capacity.heads,
    (h) => void h.head.dispose(),
    (event) => modelCacheEvents.inc({ cache: "head", event }),
  );
  const pools = new OwnedCache<ExtractionPool>(
    capacity.bases,
    (p) => p.close(),
    (event) => modelCacheEvents.inc({ cache: "base", event }),
  );

  async function loadHead(checkpointId: string): Promise<LoadedHead> {
    await initBackend("auto"); // the head's backend; a no-op once the process has chosen one
    const row = await checkpointsRepository(db).withBaseModel(checkpointId);
    if (!row) throw new NotFoundError("Checkpoint");
    const checkpoint = fromCheckpointRecord(row);
    const { head, optimizer } = await restoreCheckpoint(checkpoint);
    optimizer.dispose(); // serving needs no optimizer state
    return {
      head,
      labels: row.labels,
      baseModel: row.baseModel,
      preprocessing: checkpoint.preprocessing,
      calibrated: servingCalibration(checkpoint.calibration),
    };
  }

  async function openPool(baseModel: BaseModel, preprocessing: Preprocessing): Promise<ExtractionPool> {
    const resolved = await openStoredBaseModel(db, baseModel, options);
    const pool = await createExtractionPool({
      spec: resolved.spec,
      dir: resolved.dir,
      inference: options.inference,
      cacheDir: options.modelCacheDir,
      threads: options.threads,
      intraOpThreads: options.intraOpThreads,
      resize: preprocessing.resize,
    });
    if (pool.onnxUnsupported) await baseModelsRepository(db).setOnnxUnsupported(baseModel.id, pool.onnxUnsupported);
    return pool;
  }

  return {
    /** Classifies images with a checkpoint: its labels, and one prediction per image, in order. */
    predict(checkpointId: string, images: { name: string; bytes: Uint8Array }[], topK: number) {
      return heads.use(
        checkpointId,
        () => loadHead(checkpointId),
        (loaded) =>
          pools.use(
            `${loaded.baseModel.id}:${loaded.preprocessing.resize}`,
            () => openPool(loaded.baseModel, loaded.preprocessing),
            async (pool): Promise<{ labels: string[]; predictions: Prediction[] }> => ({
              labels: loaded.labels,
              predictions: await createPoolClassifier(pool, loaded.head, loaded.labels, loaded.calibrated).predict(
                images,
                topK,
              ),
            }),
          ),
      );
    },
    /** A checkpoint head's probabilities for cached vectors (no base model run), with its labels and calibration. */
    probabilities(checkpointId: string, x: Float32Array, dim: number) {
      return heads.use(
        checkpointId,
        () => loadHead(checkpointId),
        async (loaded) => ({
          labels: loaded.labels,
          calibrated: loaded.calibrated,
          probabilities: await predictVectors(loaded.head, x, dim),
        }),
      );
    },
    /** Reloads a checkpoint on its next prediction (its calibration changed). */
    forget: (checkpointId: string) => heads.forget(checkpointId),
    /** Models held now, for tests and health. */
    held: () => ({ heads: heads.size, bases: pools.size }),
    /** Stops the worker threads and frees the heads (at shutdown). */
    close: () => Promise.all([heads.close(), pools.close()]).then(() => undefined),
  };
}

export type ModelCache = ReturnType<typeof createModelCache>;
