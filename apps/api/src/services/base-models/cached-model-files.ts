import { rm } from "node:fs/promises";
import path from "node:path";
import { type BaseModel, baseModelsRepository, type Db } from "@retrain/db";
import { storedModelDir } from "@retrain/models";

/**
 * Removes a deleted base model's folder from the model cache, unless another model still uses it (two
 * workspaces registering the same URL share one download) or it is not in the cache at all (a model
 * registered from a local folder keeps its files).
 */
export async function dropCachedModelFiles(db: Db, row: BaseModel, modelCacheDir: string): Promise<void> {
  if (await baseModelsRepository(db).countBySource(row.sourceUrl)) return;
  const cache = path.resolve(modelCacheDir) + path.sep;
  const dir = path.resolve(storedModelDir(row, modelCacheDir));
  if (dir.startsWith(cache)) await rm(dir, { recursive: true, force: true });
}
