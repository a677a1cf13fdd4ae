// `npm run bench:active` (needs ../shared): does the product's "what to label next" order beat labelling at
// random? On flowers_small's training split, 20 photos start labelled (the same random ones for both orders);
// each round labels 20 more, chosen by labelNext (the doubt of the head trained so far, weighed by distance to
// what is labelled) or at random, and trains a new head on what is labelled (default hyperparameters), up to
// 200. Validation accuracy (the validation split, fully labelled, as the product reports it) at each count,
// averaged over 3 seeds; the bar is 3 points ahead of random at 100 labels. MobileNetV2-0.35's vectors unless
// `--base-model` names another. Writes bench-results/active.json.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { initBackend } from "../src/backend.js";
import { restoreCheckpoint } from "../src/checkpoints/checkpoint.js";
import { seededRandom, shuffledIndices } from "../src/data/random.js";
import { assignSplit } from "../src/data/splits.js";
import { labelNext } from "../src/labelling/label-next.js";
import { trainClassifier } from "../src/pipeline/train-classifier.js";
import { predictVectors } from "../src/predict/classifier.js";
import { resolveHyperparameters, trainingPlan } from "../src/training/hyperparameters.js";
import { sharedDir, tempDir } from "../test/fixtures.js";
import { extractAll } from "./extract-all.js";

const { values } = parseArgs({
  options: {
    "base-model": { type: "string", default: "mobilenet_v2_035_224" },
    seeds: { type: "string", default: "1,2,3" },
  },
});
const baseModel = String(values["base-model"]);
const seeds = String(values.seeds).split(",").map(Number);
const START = 20;
const STEP = 20;
const END = 200;
const BAR_AT = 100;

const shared = sharedDir();
await initBackend("auto");
const work = await tempDir("active-bench");
const root = path.join(shared, "datasets/flowers_small");
const classes = (await readdir(root)).sort();
const images: { name: string; bytes: Uint8Array; label: number; split: string }[] = [];
for (const [label, dirName] of classes.entries())
  for (const name of (await readdir(path.join(root, dirName))).sort())
    images.push({
      name,
      label,
      bytes: new Uint8Array(await readFile(path.join(root, dirName, name))),
      split: assignSplit(`${dirName}/${name}`),
    });
const { x, dim } = await extractAll(images, shared, work, baseModel);
const rows = (split: string) => images.flatMap((image, i) => (image.split === split ? [i] : []));
const pack = (indices: readonly number[]) => {
  const out = new Float32Array(indices.length * dim);
  for (const [j, i] of indices.entries()) out.set(x.subarray(i * dim, (i + 1) * dim), j * dim);
  return { x: out, y: Int32Array.from(indices, (i) => images[i]?.label ?? 0), dim, names: indices.map(String) };
};
const pool = rows("train");
const validation = pack(rows("validation"));
const test = pack(rows("test"));
const plan = trainingPlan(resolveHyperparameters({}), dim, classes.length);

/** A head on the labelled images: its validation and test accuracy, and its probabilities for `candidates`. */
async function trainOn(labelled: number[], candidates: number[]) {
  const trained = await trainClassifier({
    labels: classes,
    train: pack(labelled),
    validation,
    test,
    plan,
    baseModel: { id: baseModel, url: "", format: "layers", weightsHash: "bench", featureDim: dim },
    preprocessing: { inputSize: 224, normalization: "[-1,1]", resize: "center-crop" },
  });
  const { head, optimizer } = await restoreCheckpoint(trained.checkpoint);
  optimizer.dispose();
  const probabilities = await predictVectors(head, pack(candidates).x, dim);
  head.dispose();
  return {
    validation: trained.metrics.validationAccuracy ?? 0,
    test: trained.metrics.testAccuracy ?? 0,
    probabilities,
  };
}

type Strategy = "product" | "random";
const curves: Record<Strategy, { labels: number; validation: number; test: number }[][]> = { product: [], random: [] };
for (const seed of seeds) {
  const order = Array.from(shuffledIndices(pool.length, seededRandom(seed)), (j) => pool[j] ?? 0);
  const start = order.slice(0, START);
  for (const strategy of ["product", "random"] as const) {
    const labelled = [...start];
    const curve: { labels: number; validation: number; test: number }[] = [];
    for (;;) {
      const taken = new Set(labelled);
      const candidates = pool.filter((i) => !taken.has(i));
      const head = await trainOn(labelled, candidates);
      curve.push({ labels: labelled.length, validation: head.validation, test: head.test });
      if (labelled.length >= END) break;
      if (strategy === "random") labelled.push(...order.filter((i) => !taken.has(i)).slice(0, STEP));
      else {
        const picks = labelNext({
          candidates: pack(candidates).x,
          labelled: pack(labelled).x,
          dim,
          probabilities: head.probabilities,
          k: classes.length,
          count: STEP,
        });
        labelled.push(...picks.map((p) => candidates[p.index] ?? 0));
      }
    }
    curves[strategy].push(curve);
    console.log(
      `seed ${seed} ${strategy.padEnd(7)} ${curve.map((c) => `${c.labels}:${(c.validation * 100).toFixed(1)}`).join(" ")}`,
    );
  }
}

const meanAt = (strategy: Strategy, labels: number, key: "validation" | "test") => {
  const points = curves[strategy].map((c) => c.find((p) => p.labels === labels)?.[key] ?? 0);
  return points.reduce((a, b) => a + b, 0) / points.length;
};
const counts = Array.from({ length: (END - START) / STEP + 1 }, (_, i) => START + i * STEP);
const table = counts.map((labels) => ({
  labels,
  product: meanAt("product", labels, "validation"),
  random: meanAt("random", labels, "validation"),
  productTest: meanAt("product", labels, "test"),
  randomTest: meanAt("random", labels, "test"),
}));
console.log("\nlabels  product  random  (validation accuracy, mean of seeds)");
for (const row of table)
  console.log(
    `${String(row.labels).padStart(6)}  ${(row.product * 100).toFixed(1).padStart(7)}  ${(row.random * 100).toFixed(1).padStart(6)}`,
  );
const at = table.find((r) => r.labels === BAR_AT);
const lead = ((at?.product ?? 0) - (at?.random ?? 0)) * 100;
console.log(
  `\nat ${BAR_AT} labels: product ${((at?.product ?? 0) * 100).toFixed(1)}%, random ${((at?.random ?? 0) * 100).toFixed(1)}%: ${lead >= 0 ? "+" : ""}${lead.toFixed(1)} points (bar: +3) ${lead >= 3 ? "MET" : "MISSED"}`,
);
await mkdir("bench-results", { recursive: true });
await writeFile(
  "bench-results/active.json",
  `${JSON.stringify({ baseModel, seeds, start: START, step: STEP, table, lead, curves }, null, 2)}\n`,
);
