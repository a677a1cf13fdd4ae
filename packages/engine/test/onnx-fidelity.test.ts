// The ONNX Runtime backend against TensorFlow.js on real photos, for every architecture the tests can load:
// the same vectors, to within float rounding (max abs difference <= 1e-3, cosine >= 0.9999).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../src/backend.js";
import { tfjsExtractor } from "../src/extraction/tfjs-extractor.js";
import { loadBaseModel } from "../src/formats/load-base-model.js";
import { decodeImage } from "../src/images/decode-image.js";
import { ensureOnnxBaseModel } from "../src/inference/onnx-cache.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { createOnnxSession } from "../src/onnx/onnx-runtime.js";
import { npmModelCache, nsfwjsInceptionFolder, sharedDir, tempDir } from "./fixtures.js";

/** Eight photos of flowers_small (two a class), decoded at `size` as extraction decodes them. */
async function photos(size: number) {
  const root = path.join(sharedDir(), "datasets/flowers_small");
  const files: string[] = [];
  for (const label of ["daisy", "dandelion", "rose", "tulip"])
    for (const f of (await readdir(path.join(root, label))).sort().slice(0, 2)) files.push(path.join(root, label, f));
  const decoded = await Promise.all(files.map(async (f) => (await decodeImage(await readFile(f), f, { size })).pixels));
  const batch = new Uint8Array(decoded.length * size * size * 3);
  for (const [i, p] of decoded.entries()) batch.set(p, i * size * size * 3);
  return { batch, n: decoded.length };
}

async function compare(ref: string, cacheDir: string, bottleneck?: string) {
  const resolved = await resolveBaseModel(ref, { cacheDir, bottleneck });
  const base = await loadBaseModel(resolved.spec, resolved.dir);
  const size = base.spec.inputSize;
  const { batch, n } = await photos(size);
  const expected = await tfjsExtractor(base).run(batch, n);
  const converted = await ensureOnnxBaseModel(resolved.spec, resolved.dir, cacheDir);
  if ("unsupported" in converted) throw new Error(converted.unsupported);
  const session = await createOnnxSession(converted.path, 2);
  const actual = await session.run(batch, [n, size, size, 3]);
  await session.dispose();
  let maxAbs = 0;
  let dot = 0;
  let a2 = 0;
  let b2 = 0;
  for (const [i, a] of expected.entries()) {
    const b = actual[i] ?? Number.NaN;
    maxAbs = Math.max(maxAbs, Math.abs(a - b));
    dot += a * b;
    a2 += a * a;
    b2 += b * b;
  }
  return { maxAbs, cosine: dot / Math.sqrt(a2 * b2), dim: base.spec.featureDim, length: actual.length / n };
}

/** The bar for a converted model: every vector element within 1e-3, cosine at least 0.9999. */
function expectFaithful(result: Awaited<ReturnType<typeof compare>>, dim?: number) {
  if (dim !== undefined) expect(result.dim).toBe(dim);
  expect(result.length).toBe(result.dim);
  expect(result.maxAbs).toBeLessThanOrEqual(1e-3);
  expect(result.cosine).toBeGreaterThanOrEqual(0.9999);
}

describe("ONNX Runtime gives the TensorFlow.js vectors", () => {
  let cacheDir: string;
  beforeAll(async () => {
    await initBackend("auto");
    cacheDir = await tempDir("onnx-fidelity");
  });

  it.each([
    ["MobileNetV2 0.35 (ImageNet)", "models/mobilenet_v2_035_224_notop"],
    ["MobileNet v1 0.25 (ImageNet)", "models/mobilenet_v1_025_224"],
  ])(
    "%s",
    async (_name, folder) => {
      const result = await compare(path.join(sharedDir(), folder), cacheDir);
      expectFaithful(result);
    },
    120_000,
  );

  // Graph models (TensorFlow GraphDefs), converted op by op.
  it("MobileNet v1 0.25 as a TF Hub graph model (Conv2D, BatchNorm as Mul/Add, Relu6, Mean, no declared format)", async () => {
    const result = await compare(
      path.join(sharedDir(), "models/mobilenet_v1_025_224/imagenet"),
      cacheDir,
      "module_apply_default/MobilenetV1/Logits/global_pool",
    );
    expectFaithful(result, 256);
  }, 120_000);

  it("EfficientNet-B0 from npm (fused convolutions, swish, squeeze-and-excite, its own standardisation)", async () => {
    const result = await compare("efficientnet_b0_224", await npmModelCache());
    expectFaithful(result, 1280);
  }, 300_000);

  it("ResNet-50 from npm (a layers model, caffe's BGR preprocessing)", async () => {
    const result = await compare("resnet50_224", await npmModelCache());
    expectFaithful(result, 2048);
  }, 300_000);

  it("Inception-v3 (the nsfwjs fixture: batch norms without gamma, 299 x 299, 2048-d)", async () => {
    const dir = path.join(await tempDir("inception-onnx"), "inception_v3");
    await nsfwjsInceptionFolder(dir);
    const result = await compare(dir, cacheDir);
    expectFaithful(result, 2048);
  }, 300_000);
});
