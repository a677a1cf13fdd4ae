import { type Db, objectStoreOf, poolOf } from "../client.js";
import { bytesKey } from "../object-store/object-store.js";

/** How large blobs are cut: reading 1 MB rows keeps a reader's garbage small (8 MB rows tripled it). */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/**
 * Stores a large blob from its chunks: in an object store when the client has one (a multipart upload), else
 * in one transaction, through node-postgres (a Buffer goes to the server
 * as it is: memory stays at a chunk or two, where Prisma's text copies grow with the blob). Nothing is written
 * when a blob of this hash exists already.
 */
export async function storeChunkedBlob(
  db: Db,
  blob: { sha256: string; size: number; mimeType: string },
  chunks: AsyncIterable<Uint8Array>,
): Promise<void> {
  const store = objectStoreOf(db);
  if (store) {
    // The object first, then the row that names it (see blobRow).
    await store.putStream(bytesKey(blob.sha256), chunks, blob.mimeType);
    await poolOf(db).query(
      `INSERT INTO "Blob" (sha256, size, "mimeType", bytes, "inObjectStore") VALUES ($1, $2, $3, '', true)
       ON CONFLICT (sha256) DO NOTHING`,
      [blob.sha256, blob.size, blob.mimeType],
    );
    return;
  }
  const client = await poolOf(db).connect();
  try {
    await client.query("BEGIN");
    const created = await client.query(
      `INSERT INTO "Blob" (sha256, size, "mimeType", bytes) VALUES ($1, $2, $3, '') ON CONFLICT (sha256) DO NOTHING`,
      [blob.sha256, blob.size, blob.mimeType],
    );
    if (created.rowCount === 1) {
      let index = 0;
      for await (const chunk of chunks)
        await client.query(`INSERT INTO "BlobChunk" (sha256, index, bytes) VALUES ($1, $2, $3)`, [
          blob.sha256,
          index++,
          Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
        ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A blob's bytes in order, a chunk a query (or its one row, for a blob stored whole). */
export async function* readChunkedBlob(db: Db, sha256: string): AsyncGenerator<Uint8Array> {
  const pool = poolOf(db);
  const stored = await pool.query<{ inObjectStore: boolean }>(`SELECT "inObjectStore" FROM "Blob" WHERE sha256 = $1`, [
    sha256,
  ]);
  if (stored.rows[0]?.inObjectStore) {
    const store = objectStoreOf(db);
    if (!store) throw new Error(`blob ${sha256} is in the object store, but this process has none: set BLOB_STORE=s3`);
    yield* store.stream(bytesKey(sha256));
    return;
  }
  const { rows } = await pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "BlobChunk" WHERE sha256 = $1`,
    [sha256],
  );
  const count = rows[0]?.count ?? 0;
  if (count === 0) {
    const whole = await pool.query<{ bytes: Buffer }>(`SELECT bytes FROM "Blob" WHERE sha256 = $1`, [sha256]);
    const bytes = whole.rows[0]?.bytes;
    if (!bytes) throw new Error(`blob ${sha256} is gone`);
    yield bytes;
  }
  for (let index = 0; index < count; index++) {
    const chunk = await pool.query<{ bytes: Buffer }>(
      `SELECT bytes FROM "BlobChunk" WHERE sha256 = $1 AND index = $2`,
      [sha256, index],
    );
    const bytes = chunk.rows[0]?.bytes;
    if (!bytes) throw new Error(`blob ${sha256} lost its chunk ${index}`);
    yield bytes;
  }
}
