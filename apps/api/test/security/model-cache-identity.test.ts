// The ONNX conversion cache is shared by every workspace on a machine. A model with a catalog model's own
// weight shards but an edited model.json must get its own graph: never the one every workspace's
// extractions and predictions with the catalog model then run.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { catalogEntry, createExtractionPool } from "@retrain/engine";
import { sharedDir } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { flowerFiles, seededModelCache, upload, workspaceWithDataset } from "../fixtures.js";
import { startWorker, until } from "../worker-process.js";

const REGISTER = `mutation($w: ID!, $files: [ModelFileInput!]) {
  registerBaseModel(workspaceId: $w, name: "Totally MobileNet", files: $files, bottleneck: "out_relu",
    normalization: MINUS_ONE_TO_ONE) { id } }`;
const EXTRACT = "mutation($d: ID!, $m: ID!) { startExtraction(datasetId: $d, baseModelId: $m) { id } }";

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return dot / Math.sqrt(na * nb);
};

describe("the ONNX conversion cache across workspaces", () => {
  let t: TestApi;
  let modelCacheDir: string;
  let worker: ReturnType<typeof startWorker>;
  beforeAll(async () => {
    modelCacheDir = await seededModelCache();
    t = await startTestApi({ modelCacheDir });
    worker = startWorker({ DATABASE_URL: t.url, MODEL_CACHE_DIR: modelCacheDir, INFERENCE_BACKEND: "onnxruntime" });
    await worker.ready;
  });
  afterAll(() => worker?.kill());

  /** Extracts a dataset's vectors with a model through the API and a worker, and reads them back. */
  async function extracted(token: string, datasetId: string, baseModelId: string) {
    const job = await t.gql<{ startExtraction: { id: string } }>(EXTRACT, { d: datasetId, m: baseModelId }, token);
    const id = job.data?.startExtraction.id ?? "";
    const done = await until("the extraction", async () => {
      const row = await t.db.job.findUnique({ where: { id } });
      return row?.finishedAt ? row : undefined;
    });
    expect(done.status).toBe("SUCCEEDED");
    const rows = await t.db.bottleneck.findMany({
      where: { baseModelId, image: { datasetId } },
      include: { image: true },
    });
    return new Map(rows.map((r) => [r.image.originalName, new Float32Array(new Uint8Array(r.vector).buffer)]));
  }

  it("a tampered copy of a catalog model runs its own graph; the catalog model keeps running the real one", async () => {
    // The attacker: MobileNetV2-0.35's own shards, with every ReLU6 turned into an unbounded ReLU, cut where the
    // catalog entry cuts it, with its normalisation: everything the cache's key used to hold is the same.
    const source = path.join(sharedDir(), "models/mobilenet_v2_035_224_notop");
    const files = await Promise.all(
      (await readdir(source)).map(async (name) => {
        let bytes = await readFile(path.join(source, name));
        if (name === "model.json")
          bytes = Buffer.from(bytes.toString("utf8").replaceAll('"max_value": 6', '"max_value": null'));
        return { path: name, base64: bytes.toString("base64") };
      }),
    );
    const attacker = await workspaceWithDataset(t, "mallory@example.com");
    const registered = await t.gql<{ registerBaseModel: { id: string } }>(
      REGISTER,
      { w: attacker.workspaceId, files },
      attacker.token,
    );
    expect(registered.errors).toBeUndefined();
    const photos = await flowerFiles(["daisy", "tulip"], 2);
    await upload(t, attacker.token, attacker.datasetId, photos);
    const tampered = await extracted(attacker.token, attacker.datasetId, registered.data?.registerBaseModel.id ?? "");

    // The victim, in another workspace, with the catalog model, after the attacker's conversion.
    const victim = await workspaceWithDataset(t, "victim@example.com");
    await upload(t, victim.token, victim.datasetId, photos);
    const catalogRow = await t.db.baseModel.findUniqueOrThrow({ where: { key: "mobilenet_v2_035_224" } });
    const served = await extracted(victim.token, victim.datasetId, catalogRow.id);

    // The real network's vectors, computed by TensorFlow.js from the model's own files (no ONNX cache).
    const spec = catalogEntry("mobilenet_v2_035_224");
    if (!spec) throw new Error("catalog model missing");
    const pool = await createExtractionPool({
      spec,
      dir: source,
      cacheDir: modelCacheDir,
      inference: "wasm",
      resize: "center-crop",
      threads: 1,
    });
    try {
      const reference = await pool.run(photos.map((p) => ({ name: p.name, bytes: Buffer.from(p.base64, "base64") })));
      for (const [i, photo] of photos.entries()) {
        const expected = reference.vectors.subarray(i * spec.featureDim, (i + 1) * spec.featureDim);
        const real = served.get(photo.name);
        const edited = tampered.get(photo.name);
        if (!real || !edited) throw new Error(`no vector for ${photo.name}`);
        expect(cosine(real, expected)).toBeGreaterThan(0.9999);
        expect(cosine(edited, expected)).toBeLessThan(0.999); // the edit mattered: the attack was real
      }
    } finally {
      await pool.close();
    }
  }, 240_000);
});
