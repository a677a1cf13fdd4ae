/**
 * Where blob bytes live when they are not in PostgreSQL: an S3-compatible bucket (AWS S3, Ceph's RADOS Gateway,
 * MinIO, R2...). Blobs are content-addressed, so an object is written once per hash and never changed: a second
 * write of a key writes the same bytes (and refreshes its date, which the sweeper reads).
 */
export interface ObjectStore {
  /** Where it is, for logs and the health answer, such as `s3://retrain at http://127.0.0.1:7480`. */
  readonly description: string;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Writes a large object from its chunks in parts (archives up to 500 MB): memory holds a part or two. */
  putStream(key: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** The object's bytes as they arrive. */
  stream(key: string): AsyncIterable<Uint8Array>;
  /** Deletes these objects; keys that do not exist are no error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Every object under a prefix, with its date, a page at a time. */
  list(prefix: string): AsyncIterable<{ key: string; modified: Date }>;
  /**
   * A URL that lets whoever holds it PUT exactly `size` bytes at `key` until it expires: a client's upload
   * goes to the store without passing through the API (the length is signed: other sizes are refused).
   */
  uploadUrl(key: string, size: number, expiresInSeconds: number): Promise<string>;
  /** Creates the bucket when it does not exist yet (at start; a bucket without rights to create says so). */
  ensureBucket(): Promise<void>;
  /**
   * Lets pages of these origins (the dashboard's) PUT to upload URLs from the browser: the bucket's CORS rules,
   * replaced by this one. Reads stay as they are (the API serves every byte a browser sees).
   */
  allowBrowserUploads(origins: readonly string[]): Promise<void>;
}

/** The object key of a blob's bytes. */
export const bytesKey = (sha256: string) => `blobs/${sha256}`;

/** The object key of a blob's thumbnail. */
export const thumbnailKey = (sha256: string) => `thumbnails/${sha256}`;

/** The hash an object key names (bytes or thumbnail), or null for a key that is not a blob's. */
export function sha256OfKey(key: string): string | null {
  const match = /^(?:blobs|thumbnails)\/([0-9a-f]{64})$/.exec(key);
  return match?.[1] ?? null;
}

/** Where direct uploads wait until the API ingests them; the sweeper deletes what is left there. */
export const STAGED_UPLOADS = "uploads/";

/** Where one dataset's direct uploads wait. */
export const stagedUploadPrefix = (datasetId: string) => `${STAGED_UPLOADS}${datasetId}/`;
