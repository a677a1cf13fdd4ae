import type { BaseModel as BaseModelRow, Checkpoint as CheckpointRow } from "@retrain/db";
import {
  type BaseModel,
  type Classifier,
  createClassifier,
  loadBaseModel,
  type Preprocessing,
  resolveStoredBaseModel,
  restoreCheckpoint,
} from "@retrain/engine";

/**
 * Loaded models kept in memory for predictions, least recently used dropped first: base models (the heavy
 * part) are shared by every checkpoint trained on them.
 */
export function createModelCache(modelCacheDir: string, capacity = { bases: 2, heads: 16 }) {
  const bases = new Map<string, Promise<BaseModel>>();
  const classifiers = new Map<string, Promise<Classifier>>();

  function touch<T>(map: Map<string, T>, key: string, make: () => T, limit: number, drop?: (value: T) => void): T {
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

  const base = (row: BaseModelRow) =>
    touch(
      bases,
      row.id,
      async () => {
        const resolved = await resolveStoredBaseModel(row, modelCacheDir);
        return loadBaseModel(resolved.spec, resolved.dir);
      },
      capacity.bases,
      (p) =>
        void p.then(
          (m) => m.dispose(),
          () => {},
        ),
    );

  return {
    classifier(checkpoint: CheckpointRow, baseRow: BaseModelRow): Promise<Classifier> {
      return touch(
        classifiers,
        checkpoint.id,
        async () => {
          const topology = checkpoint.topology as {
            modelTopology: object;
            weightSpecs: never[];
            training: never;
            baseModel: never;
          };
          const { head } = await restoreCheckpoint({
            format: "retrain-studio-checkpoint/1",
            step: checkpoint.step,
            labels: checkpoint.labels,
            baseModel: topology.baseModel,
            preprocessing: checkpoint.preprocessing as unknown as Preprocessing,
            training: topology.training,
            topology: topology.modelTopology,
            weightSpecs: topology.weightSpecs,
            weights: new Uint8Array(checkpoint.weights),
          });
          return createClassifier(
            await base(baseRow),
            head,
            checkpoint.labels,
            checkpoint.preprocessing as unknown as Preprocessing,
          );
        },
        capacity.heads,
      );
    },
  };
}

export type ModelCache = ReturnType<typeof createModelCache>;
