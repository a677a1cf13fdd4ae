// `npm run bench:health-stream [-- N]`: the whole health report (neighbours, out-of-fold heads, the map of a
// sample) on N synthetic 1,280-float vectors (103,464 by default, as bench:100k has) read from a local file, as a
// worker reads a dataset larger than TRAINING_MEMORY_MB. Prints each stage's seconds, the peak RSS and the
// longest the event loop went without a turn (a worker renews its job's 20 s lease on that loop).
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { initBackend } from "../src/backend.js";
import { seededRandom } from "../src/data/random.js";
import { rowsInFile } from "../src/data/vector-rows.js";
import { datasetHealth } from "../src/health/health-report.js";

const n = Number(process.argv[2] ?? 103_464);
const [dim, clusters, classes] = [1280, 40, 5];
const backend = await initBackend("auto");

// Clusters of non-negative vectors (bottleneck features are ReLU outputs), five labels over forty clusters.
const random = seededRandom(1);
const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dim }, () => random() * 2));
const dir = mkdtempSync(path.join(os.tmpdir(), "health-stream-"));
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

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 250);
const stalls = monitorEventLoopDelay({ resolution: 20 });
stalls.enable();
const rows = rowsInFile(file, dim);
try {
  const started = performance.now();
  const report = await datasetHealth({
    vectors: { rows, y, dim },
    splits: Array.from({ length: n }, (_, i) => (i % 10 === 0 ? "validation" : i % 10 === 1 ? "test" : "train")),
    labelNames: Array.from({ length: classes }, (_, c) => `class${c}`),
    options: { map: true, threads: 2 },
  });
  stalls.disable();
  console.log(
    JSON.stringify(
      {
        backend,
        vectors: n,
        seconds: { ...report.seconds, total: (performance.now() - started) / 1000 },
        mapped: report.map?.rows.length,
        peakRssMb: Math.round(peak / 1e6),
        longestStallMs: Math.round(stalls.max / 1e6),
      },
      null,
      2,
    ),
  );
} finally {
  clearInterval(sampler);
  rows.close();
  rmSync(dir, { recursive: true, force: true });
}
