// `npm run bench:unknown` (needs ../shared): can a retrained classifier say "don't know"? On flowers_small,
// each class in turn is held out entirely; a head trained on the other four (default hyperparameters,
// default splits) is calibrated on validation, then asked about every photo of the held-out class and about
// the known classes' test photos. Reports, per held-out class: the share answered "unknown" (and why), the
// coverage and precision on the known test photos at the default target precision (0.95), and the expected
// calibration error before and after temperature scaling. MobileNetV2-0.35's vectors unless `--base-model`
// names another catalog model. Writes bench-results/unknown.json (unknown-<model>.json for another model).
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { initBackend } from "../src/backend.js";
import { decide } from "../src/calibration/calibration.js";
import { topOf } from "../src/calibration/reliability.js";
import { restoreCheckpoint } from "../src/checkpoints/checkpoint.js";
import { assignSplit } from "../src/data/splits.js";
import { trainClassifier } from "../src/pipeline/train-classifier.js";
import { predictVectors, servingCalibration } from "../src/predict/classifier.js";
import { resolveHyperparameters, trainingPlan } from "../src/training/hyperparameters.js";
import { sharedDir, tempDir } from "../test/fixtures.js";
import { extractAll } from "./extract-all.js";

const { values } = parseArgs({ options: { "base-model": { type: "string", default: "mobilenet_v2_035_224" } } });
const baseModel = String(values["base-model"]);
const shared = sharedDir();
await initBackend("auto");
const work = await tempDir("unknown-bench");
const root = path.join(shared, "datasets/flowers_small");
const classes = (await readdir(root)).sort();
const images: { name: string; bytes: Uint8Array; label: string; split: string }[] = [];
for (const label of classes)
  for (const name of (await readdir(path.join(root, label))).sort())
    images.push({
      name,
      label,
      bytes: new Uint8Array(await readFile(path.join(root, label, name))),
      split: assignSplit(`${label}/${name}`),
    });
const { x, dim } = await extractAll(images, shared, work, baseModel);
const rowsOf = (keep: (i: (typeof images)[number]) => boolean) =>
  images.flatMap((image, i) => (keep(image) ? [i] : []));
const pack = (rows: number[], labels: string[]) => {
  const out = new Float32Array(rows.length * dim);
  for (const [j, i] of rows.entries()) out.set(x.subarray(i * dim, (i + 1) * dim), j * dim);
  return {
    x: out,
    y: Int32Array.from(rows, (i) => labels.indexOf(images[i]?.label ?? "")),
    dim,
    names: rows.map((i) => images[i]?.name ?? ""),
  };
};

interface HeldOutResult {
  heldOut: string;
  unseenImages: number;
  unseenUnknown: number;
  unseenFarFromTraining: number;
  knownTestImages: number;
  knownAccuracy: number;
  knownCoverage: number;
  knownPrecision: number;
  temperature: number;
  threshold: number;
  eceBefore: number;
  eceAfter: number;
}
const results: HeldOutResult[] = [];
for (const heldOut of classes) {
  const known = classes.filter((c) => c !== heldOut);
  const set = (split: string) =>
    pack(
      rowsOf((i) => i.label !== heldOut && i.split === split),
      known,
    );
  const plan = trainingPlan(resolveHyperparameters({}), dim, known.length);
  const trained = await trainClassifier({
    labels: known,
    train: set("train"),
    validation: set("validation"),
    test: set("test"),
    plan,
    baseModel: { id: baseModel, url: "", format: "layers", weightsHash: "bench", featureDim: dim },
    preprocessing: { inputSize: 224, normalization: "[-1,1]", resize: "center-crop" },
  });
  const { calibration } = trained;
  const serving = servingCalibration(calibration);
  if (!serving) throw new Error("no calibration");
  const { head, optimizer } = await restoreCheckpoint(trained.checkpoint);
  optimizer.dispose();
  const answers = async (vectors: ReturnType<typeof pack>) => {
    const probabilities = await predictVectors(head, vectors.x, dim);
    const k = known.length;
    return Array.from(vectors.y, (label, i) => {
      const d = decide(
        probabilities.slice(i * k, (i + 1) * k),
        vectors.x.slice(i * dim, (i + 1) * dim),
        calibration,
        serving.centroids,
      );
      return { unknown: d.unknown, right: topOf(d.probabilities, k, 0).label === label };
    });
  };
  const unseen = await answers(
    pack(
      rowsOf((i) => i.label === heldOut),
      known,
    ),
  );
  const test = await answers(set("test"));
  head.dispose();
  const answered = test.filter((a) => a.unknown === null);
  const result: HeldOutResult = {
    heldOut,
    unseenImages: unseen.length,
    unseenUnknown: unseen.filter((a) => a.unknown !== null).length / unseen.length,
    unseenFarFromTraining: unseen.filter((a) => a.unknown === "FAR_FROM_TRAINING").length / unseen.length,
    knownTestImages: test.length,
    knownAccuracy: test.filter((a) => a.right).length / test.length,
    knownCoverage: answered.length / test.length,
    knownPrecision: answered.length ? answered.filter((a) => a.right).length / answered.length : 1,
    temperature: calibration.temperature,
    threshold: calibration.threshold,
    eceBefore: calibration.ece.before,
    eceAfter: calibration.ece.after,
  };
  console.log(JSON.stringify(result));
  results.push(result);
}
const mean = (key: keyof HeldOutResult) => results.reduce((sum, r) => sum + Number(r[key]), 0) / results.length;
const summary = {
  unseenUnknown: mean("unseenUnknown"),
  knownCoverage: mean("knownCoverage"),
  knownPrecision: mean("knownPrecision"),
  eceBefore: mean("eceBefore"),
  eceAfter: mean("eceAfter"),
};
console.log("mean over held-out classes:", JSON.stringify(summary));
await mkdir("bench-results", { recursive: true });
const suffix = baseModel === "mobilenet_v2_035_224" ? "" : `-${baseModel}`;
await writeFile(`bench-results/unknown${suffix}.json`, `${JSON.stringify({ baseModel, results, summary }, null, 2)}\n`);
