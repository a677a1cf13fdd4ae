import { type Db, objectStoreOf } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { bytesKey, type ObjectStore, thumbnailKey } from "../object-store/object-store.js";

export interface BlobData {
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  thumbnail?: Uint8Array<ArrayBuffer>;
  /** The image is its own thumbnail (a small upright JPEG): none is stored, its bytes are served as one. */
  thumbnailIsImage?: boolean;
}

/** A thumbnail's bytes and their type. */
export interface Thumbnail {
  bytes: Uint8Array;
  mimeType: string;
}

/** The type of every stored thumbnail (made by the engine's `inspectImage`). */
const THUMBNAIL_TYPE = "image/webp";

/** What a reader selects of a blob to get its bytes wherever they are (the row, or the object store). */
export const bytesColumns = { sha256: true, bytes: true, inObjectStore: true } as const;
/** What a reader selects of a blob to get its thumbnail wherever it is. */
export const thumbnailColumns = {
  sha256: true,
  thumbnail: true,
  thumbnailIsImage: true,
  mimeType: true,
  inObjectStore: true,
} as const;

type StoredBytes = { sha256: string; bytes: Uint8Array; inObjectStore: boolean };
type StoredThumbnail = {
  sha256: string;
  thumbnail: Uint8Array | null;
  thumbnailIsImage: boolean;
  mimeType: string;
  inObjectStore: boolean;
};

function storeHolding(db: Db, sha256: string): ObjectStore {
  const store = objectStoreOf(db);
  if (!store)
    throw new Error(`blob ${sha256} is in the object store, but this process has none: set BLOB_STORE=s3 and S3_*`);
  return store;
}

/** A blob's bytes, from its row or from the object store. */
export async function bytesOf(db: Db, blob: StoredBytes): Promise<Uint8Array> {
  if (!blob.inObjectStore) return blob.bytes;
  const store = storeHolding(db, blob.sha256);
  const bytes = await store.get(bytesKey(blob.sha256));
  if (!bytes) throw new Error(`blob ${blob.sha256} is missing from ${store.description}`);
  return bytes;
}

/** A blob's thumbnail (null for blobs without one: archives, model files). */
export async function thumbnailOf(db: Db, blob: StoredThumbnail): Promise<Thumbnail | null> {
  if (blob.thumbnailIsImage) {
    // Its bytes are read only now: selecting them with every thumbnail would read whole photos for the rest.
    const stored = blob.inObjectStore
      ? { ...blob, bytes: new Uint8Array(0) }
      : await db.blob.findUniqueOrThrow({ where: { sha256: blob.sha256 }, select: bytesColumns });
    return { bytes: await bytesOf(db, stored), mimeType: blob.mimeType };
  }
  const bytes = blob.inObjectStore
    ? await storeHolding(db, blob.sha256).get(thumbnailKey(blob.sha256))
    : blob.thumbnail;
  return bytes && { bytes, mimeType: THUMBNAIL_TYPE };
}

/**
 * The row to store for a blob. With an object store, its bytes and thumbnail are written there first and the
 * row only names them: a row never names an object that was not written (a crash in between leaves objects
 * without a row, which `sweepOrphanObjects` removes). The object is written even when a row of this hash
 * exists: its bytes are the same, and its fresh date keeps the sweeper off it.
 */
export async function blobRow(db: Db, blob: BlobData): Promise<Prisma.BlobCreateInput> {
  const size = blob.bytes.length;
  const store = objectStoreOf(db);
  if (!store) return { ...blob, size };
  await Promise.all([
    store.put(bytesKey(blob.sha256), blob.bytes, blob.mimeType),
    blob.thumbnail ? store.put(thumbnailKey(blob.sha256), blob.thumbnail, THUMBNAIL_TYPE) : undefined,
  ]);
  return {
    sha256: blob.sha256,
    mimeType: blob.mimeType,
    size,
    bytes: new Uint8Array(0),
    thumbnailIsImage: blob.thumbnailIsImage ?? false,
    inObjectStore: true,
  };
}

/** Inserts a prepared blob row unless one of its hash exists (the bytes are the same). */
export const upsertBlobRow = (db: Db, row: Prisma.BlobCreateInput) =>
  db.blob.upsert({ where: { sha256: row.sha256 }, create: row, update: {} });

/** Stores a blob once per content hash: a second store of the same bytes changes no row. */
export const upsertBlob = async (db: Db, blob: BlobData) => upsertBlobRow(db, await blobRow(db, blob));
