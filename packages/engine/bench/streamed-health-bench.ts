// `npm run bench:health-stream [-- N]`: the whole health report (neighbours, out-of-fold heads, the map of a
// sample) on N synthetic 1,280-float vectors (103,464 by default, as bench:100k has) read from a local file, as a
// worker reads a dataset larger than TRAINING_MEMORY_MB. Prints each stage's seconds, the peak RSS and the
// longest the event loop went without a turn (a worker renews its job's 20 s lease on that loop).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { initBackend } from "../src/backend.js";
import { datasetHealth } from "../src/health/health-report.js";
import { rssSampler, syntheticVectorFile } from "./synthetic-vectors.js";

const n = Number(process.argv[2] ?? 103_464);
const backend = await initBackend("auto");
const { vectors, classes, remove } = syntheticVectorFile(n);
const rss = rssSampler();
const stalls = monitorEventLoopDelay({ resolution: 20 });
stalls.enable();
try {
  const started = performance.now();
  const report = await datasetHealth({
    vectors,
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
        peakRssMb: rss.peakMb(),
        longestStallMs: Math.round(stalls.max / 1e6),
      },
      null,
      2,
    ),
  );
} finally {
  rss.stop();
  remove();
}
