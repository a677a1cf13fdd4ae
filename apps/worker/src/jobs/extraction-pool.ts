import { type BaseModel, baseModelsRepository } from "@retrain/db";
import { createExtractionPool, type ExtractionPool } from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/models";
import { log } from "../observability/log.js";
import type { WorkerDeps } from "./worker-deps.js";

/**
 * A base model ready to extract on this machine (fetched into its own model cache on first use), with its
 * weights hash and what runs it recorded on the base model's row.
 */
export async function openExtractionPool(deps: WorkerDeps, baseModel: BaseModel) {
  const resolved = await openStoredBaseModel(deps.db, baseModel, deps);
  const pool = await createExtractionPool({
    spec: resolved.spec,
    dir: resolved.dir,
    inference: deps.inference,
    cacheDir: deps.modelCacheDir,
    resize: "center-crop",
    threads: deps.threads,
  });
  const rows = baseModelsRepository(deps.db);
  if (!baseModel.weightsHash) await rows.setWeightsHash(baseModel.id, pool.weightsHash);
  if (pool.backend === "onnxruntime" || pool.onnxUnsupported)
    await rows.setOnnxUnsupported(baseModel.id, pool.onnxUnsupported ?? null);
  if (pool.note) log.warn(pool.note);
  return pool;
}

/** A pool opened when a first chunk is claimed (a helper that finds none free loads no model). */
export function lazyPool(deps: WorkerDeps, baseModel: BaseModel) {
  let pool: Promise<ExtractionPool> | undefined;
  let opened: ExtractionPool | undefined;
  return {
    open: () => {
      pool ??= openExtractionPool(deps, baseModel).then((p) => (opened = p));
      return pool;
    },
    opened: () => opened,
    close: async () => {
      await (await pool?.catch(() => undefined))?.close();
    },
  };
}
