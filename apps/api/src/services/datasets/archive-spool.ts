import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { BLOB_CHUNK_BYTES } from "@retrain/db";

/** An uploaded archive on this machine's disk while it is checked and stored (then removed). */
export interface SpooledArchive {
  path: string;
  size: number;
  sha256: string;
  /** Its first bytes (the zip signature). */
  head: Buffer;
  /** Its bytes again, a blob chunk at a time (for the database). */
  chunks(): AsyncIterable<Uint8Array<ArrayBuffer>>;
  dispose(): Promise<void>;
}

/** The body went past the limit while it was being written: nothing of it is kept. */
export class SpoolLimitError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/**
 * Copies a stream to a file, hashing and counting as it goes, pausing the source while the disk catches up:
 * memory holds a network chunk or two. Past `limitBytes` it stops reading and rejects with SpoolLimitError,
 * leaving the source paused but whole (an HTTP request can still be answered 413).
 */
function copyCounted(source: Readable, file: string, limitBytes: number) {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  let size = 0;
  return new Promise<{ size: number; sha256: string }>((resolve, reject) => {
    const fail = (error: Error) => {
      source.off("data", onData);
      source.pause();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) return fail(new SpoolLimitError(limitBytes));
      hash.update(chunk);
      if (!out.write(chunk)) {
        source.pause();
        out.once("drain", () => source.resume());
      }
    };
    source.on("data", onData);
    source.once("error", fail);
    out.once("error", fail);
    source.once("end", () => out.end(() => resolve({ size, sha256: hash.digest("hex") })));
  });
}

/**
 * Writes a stream (a request body, or a buffer) to a temporary file: memory holds one network chunk, whatever
 * the archive's size. Past `limitBytes` it stops and throws SpoolLimitError, keeping nothing.
 */
export async function spoolArchive(source: Readable | Buffer, limitBytes: number): Promise<SpooledArchive> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-archive-"));
  const file = path.join(dir, "archive.zip");
  try {
    const { size, sha256 } = await copyCounted(
      Buffer.isBuffer(source) ? Readable.from([source]) : source,
      file,
      limitBytes,
    );
    const handle = await open(file);
    const head = Buffer.alloc(Math.min(4, size));
    await handle.read(head, 0, head.length, 0).finally(() => handle.close());
    return {
      path: file,
      size,
      sha256,
      head,
      chunks: () => createReadStream(file, { highWaterMark: BLOB_CHUNK_BYTES }),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
