import { closeSync, openSync, readSync } from "node:fs";

/** Vectors and their class indices, row-major: `x` holds n * dim floats. */
export interface VectorSet {
  x: Float32Array;
  y: Int32Array;
  dim: number;
}

/**
 * A set's vectors, read a block of rows at a time: from memory, or from a file of float32 rows written once
 * (a training set too large to hold: 100,000 vectors of 1,280 floats are 512 MB). Whatever reads a set through
 * this holds one block, not the set.
 */
export interface VectorRows {
  readonly dim: number;
  /** Rows [start, start + count): a view, or a buffer that the next read overwrites. */
  read(start: number, count: number): Float32Array;
}

/** The rows of a packed array in memory: each read is a view, nothing copied. */
export const rowsInMemory = (x: Float32Array, dim: number): VectorRows => ({
  dim,
  read: (start, count) => x.subarray(start * dim, (start + count) * dim),
});

/**
 * The rows of a file of float32 vectors (as `Float32Array` bytes, row after row), read with one positioned
 * read per block into one reused buffer; the operating system's page cache keeps the file warm between epochs
 * without it counting against the process. Close it when done.
 */
export function rowsInFile(file: string, dim: number): VectorRows & { close(): void } {
  const fd = openSync(file, "r");
  let buffer = new Float32Array(0);
  return {
    dim,
    read(start, count) {
      if (buffer.length < count * dim) buffer = new Float32Array(count * dim);
      const view = buffer.subarray(0, count * dim);
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      let done = 0;
      while (done < bytes.length) {
        const read = readSync(fd, bytes, done, bytes.length - done, start * dim * 4 + done);
        if (read === 0) throw new RangeError(`${file} ends before row ${start + count}`);
        done += read;
      }
      return view;
    },
    close: () => closeSync(fd),
  };
}

/** Rows read per block when a whole set is scored or summed: a few MB whatever the set's size. */
export const SCORE_ROWS = 4096;

/**
 * A training set read a block at a time (`rowsInFile`), for sets too large to hold. Its rows should be in a
 * random order already (written shuffled): each epoch shuffles the order of its blocks and the rows within
 * each block, which mixes classes only as well as the file does.
 */
export interface StreamedVectorSet {
  rows: VectorRows;
  y: Int32Array;
  dim: number;
}

export type TrainingSet = VectorSet | StreamedVectorSet;

/** How a set's rows are read: a view of memory, or the set's own reader. */
export const rowsOf = (set: TrainingSet): VectorRows => ("rows" in set ? set.rows : rowsInMemory(set.x, set.dim));

/**
 * The rows `indices` of a set, in that order, as rows 0, 1, 2...: each read gathers its rows into one reused
 * buffer (a fold of a streamed set, or a sample of it, read a block at a time without copying the set).
 */
export function gatheredRows(rows: VectorRows, indices: ArrayLike<number>): VectorRows {
  const { dim } = rows;
  let buffer = new Float32Array(0);
  return {
    dim,
    read(start, count) {
      if (buffer.length < count * dim) buffer = new Float32Array(count * dim);
      for (let i = 0; i < count; i++) buffer.set(rows.read(indices[start + i] ?? 0, 1), i * dim);
      return buffer.subarray(0, count * dim);
    },
  };
}
