import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BaseModel, baseModelsRepository, type Db } from "@retrain/db";
import { isStoredModelCached, storedModelDir, UPLOAD_SCHEME } from "@retrain/engine";

/**
 * Writes an uploaded base model's files from the database into this machine's model cache, once: workers
 * on other machines than the API's get the files the same way. Other kinds of model are left to the
 * engine's cache (catalog and URL models download on first use).
 */
export async function ensureUploadedModelFiles(db: Db, row: BaseModel, cacheDir: string): Promise<void> {
  if (!row.sourceUrl.startsWith(UPLOAD_SCHEME) || isStoredModelCached(row, cacheDir)) return;
  const dir = storedModelDir(row, cacheDir);
  await mkdir(path.dirname(dir), { recursive: true });
  // Written beside and renamed into place: another process never sees half a model.
  const work = await mkdtemp(`${dir}.partial-`);
  try {
    for (const file of await baseModelsRepository(db).filesOf(row.id))
      await writeFile(path.join(work, file.path), file.blob.bytes);
    await rename(work, dir).catch(async (error: NodeJS.ErrnoException) => {
      if (!isStoredModelCached(row, cacheDir)) throw error; // else another process got there first
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
