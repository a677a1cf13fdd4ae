import path from "node:path";
import { extractBottlenecks } from "../src/extraction/extract-bottlenecks.js";
import { createExtractionPool } from "../src/extraction/worker-pool.js";
import { resolveBaseModel } from "../src/models/resolve-base-model.js";

/**
 * Every image's bottleneck vector from MobileNetV2-0.35 in ../shared (as the product extracts them), kept in
 * memory in image order: the benchmarks' common first step.
 */
export async function extractAll(images: { name: string; bytes: Uint8Array }[], shared: string, work: string) {
  const model = await resolveBaseModel(path.join(shared, "models/mobilenet_v2_035_224_notop"), { cacheDir: work });
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
    `extracted ${extraction.computed} vectors at ${extraction.imagesPerSecond.toFixed(0)} images/s (${pool.backend})`,
  );
  return { x, dim, imagesPerSecond: extraction.imagesPerSecond, backend: pool.backend };
}
