import { INGEST_GROUP } from "./ingest-image.js";

/**
 * Files gathered for one `ingest.many` call, up to INGEST_GROUP's files or bytes, whichever comes first.
 * Uploads, direct uploads and archive imports fill one the same way; what an item carries beside its bytes
 * (a form index, a staged key) is theirs.
 */
export interface IngestGroup<T> {
  /** Adds an item; true once the group is full (the caller stores it, then starts again with `take`). */
  add(item: T): boolean;
  /** The items gathered so far; the group starts again empty. */
  take(): T[];
  readonly size: number;
}

export function createIngestGroup<T>(bytesOf: (item: T) => number): IngestGroup<T> {
  let items: T[] = [];
  let bytes = 0;
  return {
    add(item) {
      items.push(item);
      bytes += bytesOf(item);
      return items.length >= INGEST_GROUP.files || bytes >= INGEST_GROUP.bytes;
    },
    take() {
      const taken = items;
      [items, bytes] = [[], 0];
      return taken;
    },
    get size() {
      return items.length;
    },
  };
}
