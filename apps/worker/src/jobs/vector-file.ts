import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { rowsInFile, type StreamedVectorSet, seededRandom, shuffledIndices } from "@retrain/engine";

/** The seed of the file's one shuffle: the same data gives the same file, and the same head. */
const FILE_SEED = 1;

/**
 * Vectors too many to hold (a training split, a health check's dataset), written to a local file of float32
 * rows in a seeded shuffled order (the engine streams it a block at a time and shuffles within blocks: the
 * file's shuffle is what mixes classes across blocks). Vectors arrive in any order, each with its row.
 */
export function shuffledVectorFile(count: number, dim: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "retrain-vectors-"));
  const file = path.join(dir, "vectors.f32");
  const fd = openSync(file, "w");
  const position = shuffledIndices(count, seededRandom(FILE_SEED));
  return {
    write(vector: Uint8Array, row: number) {
      writeSync(fd, vector, 0, vector.byteLength, (position[row] ?? 0) * dim * 4);
    },
    /** The set to read (labels and names in the file's order), and how to delete the file after. */
    finish(labels: (row: number) => number, names: (row: number) => string) {
      closeSync(fd);
      const y = new Int32Array(count);
      const shuffledNames = new Array<string>(count);
      for (let row = 0; row < count; row++) {
        const at = position[row] ?? 0;
        y[at] = labels(row);
        shuffledNames[at] = names(row);
      }
      const rows = rowsInFile(file, dim);
      const set: StreamedVectorSet & { names: string[] } = { rows, y, dim, names: shuffledNames };
      return {
        set,
        remove: () => {
          rows.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}
