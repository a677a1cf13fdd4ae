import { type Db, objectStoreOf } from "../client.js";
import { STAGED_UPLOADS, sha256OfKey } from "../object-store/object-store.js";

/** A blob no image, job, model file or kept prediction uses. */
const unused = { images: { none: {} }, jobs: { none: {} }, modelFiles: { none: {} }, kept: { none: {} } };

/** Rows compared with the object store's listing a query at a time. */
const SWEEP_BATCH = 1000;

/** Drops a blob nothing uses any more (an imported archive once its job is done). */
export const deleteUnusedBlob = (db: Db, sha256: string) => db.blob.deleteMany({ where: { sha256, ...unused } });

/**
 * Drops the blobs among these hashes that nothing uses any more: what deleting a dataset or workspace leaves.
 * A blob another dataset shares stays. Their objects, in an object store, go with the next object sweep.
 */
export async function deleteUnusedBlobsAmong(db: Db, sha256s: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let start = 0; start < sha256s.length; start += SWEEP_BATCH) {
    const batch = sha256s.slice(start, start + SWEEP_BATCH);
    deleted += (await db.blob.deleteMany({ where: { sha256: { in: batch }, ...unused } })).count;
  }
  return deleted;
}

/**
 * Blobs nothing uses, stored before `before`: archives a process stored but died before making their job,
 * bytes kept for a served prediction that was never logged, what a failed delete left.
 */
export const deleteUnusedBlobs = (db: Db, before: Date) =>
  db.blob.deleteMany({ where: { ...unused, createdAt: { lt: before } } });

/**
 * Deletes objects of the object store that no blob row names and that were written before `before`: the
 * objects of deleted blobs, those of a process that died between writing an object and its row, and direct
 * uploads never finished (`uploads/`, never named by a row). The date keeps it off an upload in flight (its
 * objects are written, its row not yet). Returns how many went.
 */
export async function sweepOrphanObjects(db: Db, before: Date): Promise<number> {
  const store = objectStoreOf(db);
  if (!store) return 0;
  let deleted = 0;
  let batch: { key: string; sha256: string }[] = [];
  const sweep = async () => {
    const named = new Set(
      (
        await db.blob.findMany({
          where: { sha256: { in: batch.map((o) => o.sha256) }, inObjectStore: true },
          select: { sha256: true },
        })
      ).map((b) => b.sha256),
    );
    const orphans = batch.filter((o) => !named.has(o.sha256)).map((o) => o.key);
    await store.delete(orphans);
    deleted += orphans.length;
    batch = [];
  };
  for (const prefix of ["blobs/", "thumbnails/"])
    for await (const object of store.list(prefix)) {
      const sha256 = sha256OfKey(object.key);
      if (!sha256 || object.modified >= before) continue;
      batch.push({ key: object.key, sha256 });
      if (batch.length === SWEEP_BATCH) await sweep();
    }
  if (batch.length) await sweep();
  const unfinished: string[] = [];
  for await (const object of store.list(STAGED_UPLOADS)) if (object.modified < before) unfinished.push(object.key);
  await store.delete(unfinished);
  return deleted + unfinished.length;
}
