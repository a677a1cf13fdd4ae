import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../src/data/random.js";
import { rowsInFile } from "../src/data/vector-rows.js";

/**
 * `n` synthetic 1,280-float vectors written to a local file, as a worker writes a dataset larger than
 * TRAINING_MEMORY_MB: clusters of non-negative vectors (bottleneck features are ReLU outputs), five labels
 * over forty clusters. `remove` deletes the file.
 */
export function syntheticVectorFile(n: number, seed = 1) {
  const [dim, clusters, classes] = [1280, 40, 5];
  const random = seededRandom(seed);
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dim }, () => random() * 2));
  const dir = mkdtempSync(path.join(os.tmpdir(), "synthetic-vectors-"));
  const file = path.join(dir, "vectors.f32");
  const fd = openSync(file, "w");
  const y = new Int32Array(n);
  const row = new Float32Array(dim);
  for (let i = 0; i < n; i++) {
    const cluster = Math.floor(random() * clusters);
    y[i] = cluster % classes;
    for (let d = 0; d < dim; d++) row[d] = Math.max(0, (centres[cluster]?.[d] ?? 0) + (random() - 0.5));
    writeSync(fd, new Uint8Array(row.buffer));
  }
  closeSync(fd);
  const rows = rowsInFile(file, dim);
  return {
    vectors: { rows, y, dim },
    classes,
    remove: () => {
      rows.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Samples the process's RSS every 250 ms; `peakMb()` is the highest seen so far. */
export function rssSampler() {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 250);
  return {
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6),
    stop: () => clearInterval(timer),
  };
}
