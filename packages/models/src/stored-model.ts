import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BaseModel, baseModelsRepository, type Db } from "@retrain/db";
import type { DownloadOptions, ResolvedBaseModel } from "@retrain/engine";
import { isStoredModelCached, resolveStoredBaseModel, storedModelDir, UPLOAD_SCHEME } from "./stored-model-dir.js";

/**
 * Writes an uploaded base model's files from the database into this machine's model cache, once: workers
 * on other machines than the API's get the files the same way. Other kinds of model are left to the
 * engine's cache (catalog and URL models download on first use).
 */
async function ensureUploadedModelFiles(db: Db, row: BaseModel, cacheDir: string): Promise<void> {
  if (!row.sourceUrl.startsWith(UPLOAD_SCHEME) || isStoredModelCached(row, cacheDir)) return;
  const dir = storedModelDir(row, cacheDir);
  await mkdir(path.dirname(dir), { recursive: true });
  // Written beside and renamed into place: another process never sees half a model.
  const work = await mkdtemp(`${dir}.partial-`);
  try {
    for (const file of await baseModelsRepository(db).filesOf(row.id))
      await writeFile(path.join(work, file.path), file.bytes);
    await rename(work, dir).catch(async (error: NodeJS.ErrnoException) => {
      if (!isStoredModelCached(row, cacheDir)) throw error; // else another process got there first
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A stored base model (catalog, URL or uploaded) as a spec and a local folder of model.json and shards,
 * downloading or writing its files into this machine's model cache on first use. The one way extraction,
 * prediction, export and registration open a base model.
 */
export async function openStoredBaseModel(
  db: Db,
  row: BaseModel,
  options: { modelCacheDir: string; download?: DownloadOptions },
): Promise<ResolvedBaseModel> {
  await ensureUploadedModelFiles(db, row, options.modelCacheDir);
  return resolveStoredBaseModel(row, options.modelCacheDir, options.download);
}
