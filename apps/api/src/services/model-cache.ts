import type { BaseModel as BaseModelRow, Checkpoint as CheckpointRow, Db } from "@retrain/db";
import {
  type Classifier,
  createExtractionPool,
  createPoolClassifier,
  type DownloadOptions,
  type ExtractionPool,
  fromCheckpointRecord,
  type InferenceChoice,
  initBackend,
  type Preprocessing,
  restoreCheckpoint,
} from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/ingest";

/** Least recently used first out: reads move an entry to the back, inserts past `limit` drop the front. */
function lru<T>(map: Map<string, T>, key: string, make: () => T, limit: number, drop?: (value: T) => void): T {
  const found = map.get(key);
  if (found !== undefined) {
    map.delete(key);
    map.set(key, found);
    return found;
  }
  const value = make();
  map.set(key, value);
  while (map.size > limit) {
    const oldest = map.keys().next().value as string;
    drop?.(map.get(oldest) as T);
    map.delete(oldest);
  }
  return value;
}

/**
 * Models kept in memory for predictions. Each base model runs on a pool of worker threads (one per core,
 * shared by every checkpoint trained on it); heads are small and stay on the API's thread. Both caches are
 * bounded, least recently used dropped first.
 */
export function createModelCache(
  db: Db,
  models: { modelCacheDir: string; download?: DownloadOptions; inference: InferenceChoice; threads?: number },
  capacity = { bases: 2, heads: 16 },
) {
  const pools = new Map<string, Promise<ExtractionPool>>();
  const classifiers = new Map<string, Promise<Classifier>>();

  const pool = (row: BaseModelRow, preprocessing: Preprocessing) =>
    lru(
      pools,
      `${row.id}:${preprocessing.resize}`,
      async () => {
        const resolved = await openStoredBaseModel(db, row, models);
        return createExtractionPool({
          spec: resolved.spec,
          dir: resolved.dir,
          inference: models.inference,
          cacheDir: models.modelCacheDir,
          threads: models.threads,
          resize: preprocessing.resize,
        });
      },
      capacity.bases,
      (p) =>
        void p.then(
          (pool) => pool.close(),
          () => {},
        ),
    );

  return {
    classifier(checkpoint: CheckpointRow, baseRow: BaseModelRow): Promise<Classifier> {
      return lru(
        classifiers,
        checkpoint.id,
        async () => {
          await initBackend("auto"); // the head's backend; a no-op once the process has chosen one
          const restored = fromCheckpointRecord(checkpoint);
          const { head } = await restoreCheckpoint(restored);
          return createPoolClassifier(await pool(baseRow, restored.preprocessing), head, checkpoint.labels);
        },
        capacity.heads,
      );
    },
    /** Stops the worker threads (at shutdown). */
    async close() {
      await Promise.all(
        [...pools.values()].map((p) =>
          p.then(
            (pool) => pool.close(),
            () => {},
          ),
        ),
      );
    },
  };
}

export type ModelCache = ReturnType<typeof createModelCache>;
