// `npm run bench:health` (needs ../shared): the dataset health report on flowers_small with planted faults
// (5% flipped labels, 40 re-encoded and resized copies in another split, 20 generated non-flower images),
// scored against what was planted, with the duplicate threshold swept so the default is chosen by it; then
// the whole report on 100,000 synthetic 1280-d vectors (`--scale N`) and the map of 10,000 (MAP_POINTS, the most a report maps). The vectors of
// MobileNetV2-0.35 unless `--base-model efficientnet_b0_224` (or resnet50_224) names another. Writes
// bench-results/health.json (health-<model>.json for another model).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { initBackend } from "../src/backend.js";
import { seededRandom } from "../src/data/random.js";
import { rowsInMemory } from "../src/data/vector-rows.js";
import { datasetMap } from "../src/health/dataset-map.js";
import { datasetHealth, HEALTH_DEFAULTS, MAP_POINTS } from "../src/health/health-report.js";
import { nearDuplicateGroups } from "../src/health/near-duplicates.js";
import { nearestNeighbours } from "../src/health/vector-index.js";
import { sharedDir, tempDir } from "../test/fixtures.js";
import { extractAll } from "./extract-all.js";
import { corruptedFlowers, type Planted } from "./health-data.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "100000" },
    "base-model": { type: "string", default: "mobilenet_v2_035_224" },
  },
});
const baseModel = String(values["base-model"]);
const shared = sharedDir();
await initBackend("auto");
const work = await tempDir("health-bench");
const { images, labelNames, planted } = await corruptedFlowers(path.join(shared, "datasets/flowers_small"));
console.log(
  `${images.length} images: ${planted.flipped.size} flipped labels, ${planted.copies.length} copies, ${planted.strays.size} strays`,
);

// Vectors of every image (as the product extracts them), kept in memory.
const extraction = await extractAll(images, shared, work, baseModel);
const { x, dim } = extraction;

const report = await datasetHealth({
  vectors: { x, y: Int32Array.from(images, (i) => i.label), dim },
  splits: images.map((i) => i.split),
  labelNames,
  options: { map: true },
});

/** Two images look the same to the eye: 16 x 16 greyscale thumbnails differ by under 10 levels on average. */
const thumbnails = new Map<number, Buffer>();
async function looksSame(a: number, b: number) {
  for (const i of [a, b])
    if (!thumbnails.has(i))
      thumbnails.set(i, await sharp(images[i]?.bytes).resize(16, 16, { fit: "fill" }).grayscale().raw().toBuffer());
  const [u, v] = [thumbnails.get(a), thumbnails.get(b)];
  if (!u || !v) return false;
  return u.reduce((sum, x, k) => sum + Math.abs(x - (v[k] ?? 0)), 0) / u.length < 10;
}

/**
 * Duplicates scored by pair: a planted copy is found when one group holds it and its original. A flagged pair
 * is right when planted, or when its two photos look the same to a pixel check independent of the vectors
 * (flowers_small has its own copies: the same photo under rose and under tulip, `_n` resizes).
 */
async function scoreDuplicates(groups: { members: number[] }[], copies: Planted["copies"]) {
  const pairs = groups.flatMap((g) => g.members.flatMap((a, i) => g.members.slice(i + 1).map((b) => [a, b] as const)));
  const found = copies.filter(([a, b]) => groups.some((g) => g.members.includes(a) && g.members.includes(b))).length;
  const plantedKeys = new Set(copies.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
  let natural = 0;
  for (const [a, b] of pairs.slice(0, 2000))
    if (!plantedKeys.has(`${Math.min(a, b)}-${Math.max(a, b)}`) && (await looksSame(a, b))) natural++;
  const precision = pairs.length ? (found + natural) / pairs.length : 0;
  return {
    recall: found / copies.length,
    precision,
    plantedOnlyPrecision: pairs.length ? found / pairs.length : 0,
    pairs: pairs.length,
    found,
    natural,
  };
}
const neighbours = await nearestNeighbours(rowsInMemory(x, dim), x.length / dim, HEALTH_DEFAULTS.neighbours);
const sweep = [];
for (const maxDistance of [0.04, 0.06, 0.08])
  for (const ratio of [0.3, 0.4, 0.5, 1])
    sweep.push({
      maxDistance,
      ratio,
      ...(await scoreDuplicates(nearDuplicateGroups(neighbours, { maxDistance, ratio }), planted.copies)),
    });
const flagged = new Set(report.mislabeled.map((m) => m.index));
const flippedFound = [...planted.flipped].filter((i) => flagged.has(i)).length;
const straysFound = report.mostIsolated.filter((s) => planted.strays.has(s.index)).length;
const straysFlagged = report.strays.filter((s) => planted.strays.has(s.index)).length;
const results = {
  images: images.length,
  extraction: { imagesPerSecond: extraction.imagesPerSecond, backend: extraction.backend },
  duplicates: {
    maxDistance: HEALTH_DEFAULTS.duplicateDistance,
    ratio: HEALTH_DEFAULTS.duplicateRatio,
    groups: report.duplicates.length,
    crossingSplits: report.duplicates.filter((g) => g.crossesSplits).length,
    ...(await scoreDuplicates(report.duplicates, planted.copies)),
    sweep,
  },
  mislabeled: {
    flagged: flagged.size,
    recall: flippedFound / planted.flipped.size,
    precision: flagged.size ? flippedFound / flagged.size : 0,
  },
  strays: {
    inTop50: straysFound,
    of: planted.strays.size,
    cutoff: report.strayCutoff,
    flagged: report.strays.length,
    recall: straysFlagged / planted.strays.size,
    precision: report.strays.length ? straysFlagged / report.strays.length : 0,
  },
  seconds: report.seconds,
};
console.log(JSON.stringify(results, null, 2));

// Scale: the neighbour search alone on synthetic vectors shaped like real ones (clusters in 1280-d).
const n = Number(values.scale);
const random = seededRandom(5);
const centres = Array.from({ length: 100 }, () => Float32Array.from({ length: dim }, () => random()));
const synthetic = new Float32Array(n * dim);
for (let i = 0; i < n; i++) {
  const centre = centres[i % centres.length] ?? centres[0];
  for (let d = 0; d < dim; d++) synthetic[i * dim + d] = (centre?.[d] ?? 0) + 0.3 * random();
}
// The whole report at that size (neighbours, duplicates, 5 out-of-fold heads, strays, balance): 20 labels
// over the clusters, a tenth each in validation and test. The map is timed on its own below.
const full = await datasetHealth({
  vectors: { x: synthetic, y: Int32Array.from({ length: n }, (_, i) => (i % centres.length) % 20), dim },
  splits: Array.from({ length: n }, (_, i) => (i % 10 === 0 ? "validation" : i % 10 === 1 ? "test" : "train")),
  labelNames: Array.from({ length: 20 }, (_, j) => `class${j}`),
});
const scale = { vectors: n, dim, neighbours: full.seconds.neighbours, folds: full.seconds.folds };
console.log(
  `whole report on ${n} vectors: neighbours ${scale.neighbours.toFixed(1)} s, out-of-fold heads ${scale.folds.toFixed(1)} s`,
);
// The map of the first MAP_POINTS (what a report maps at most), from their own neighbour graph.
const mapped = Math.min(n, MAP_POINTS);
const mapStarted = performance.now();
await datasetMap(await nearestNeighbours(rowsInMemory(synthetic, dim), mapped, HEALTH_DEFAULTS.neighbours));
const map = { vectors: mapped, seconds: (performance.now() - mapStarted) / 1000 };
console.log(`map (neighbours and UMAP) of ${mapped} vectors: ${map.seconds.toFixed(1)} s`);

await mkdir("bench-results", { recursive: true });
const suffix = baseModel === "mobilenet_v2_035_224" ? "" : `-${baseModel}`;
await writeFile(
  `bench-results/health${suffix}.json`,
  `${JSON.stringify({ baseModel, ...results, scale, map }, null, 2)}\n`,
);
