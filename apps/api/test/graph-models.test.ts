// Graph base models are first-class: EfficientNet-B0 (a TensorFlow.js graph model from npm) trains through the
// worker on ONNX Runtime, serves predictions equal to the engine's own, and exports for TensorFlow.js (base and
// head side by side) and ONNX (one model) with the same answers. A graph model with an op the converter does
// not take runs on TensorFlow.js instead, and offers no ONNX download, saying why.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createOnnxSession, decodeImage, loadExportedModel } from "@retrain/engine";
import { openArchive } from "@retrain/ingest";
import { compiledFile, sharedDir } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { engineAnswer } from "./engine-answer.js";
import { flowerFiles, modelCacheWithEfficientNet, upload, workspaceWithDataset } from "./fixtures.js";
import { apiWithWorker } from "./trained-team.js";
import { until, type WorkerProcess } from "./worker-process.js";

const CHECKPOINTS = `query($id: ID!) { run(id: $id) { status error metrics { validationAccuracy }
  checkpoints { id exportUrl onnxExportUrl onnxExportUnavailable } } }`;
type RunView = {
  status: string;
  error: string | null;
  checkpoints: { id: string; exportUrl: string; onnxExportUrl: string | null; onnxExportUnavailable: string | null }[];
};
const PREDICT = `mutation($e: ID!, $b: String!) { predict(experimentId: $e, images: [{ base64: $b }], topK: 3) {
  results { top { label probability } } } }`;

describe("graph base models", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let modelCacheDir: string;
  let worker: WorkerProcess;
  let photo: Buffer;

  beforeAll(async () => {
    ({ t, worker, modelCacheDir } = await apiWithWorker(await modelCacheWithEfficientNet()));
    owner = await workspaceWithDataset(t, "graphs@example.com");
    await upload(t, owner.token, owner.datasetId, await flowerFiles(["daisy", "sunflower", "tulip"], 15));
    const sunflowers = path.join(sharedDir(), "datasets/flowers_small/sunflower");
    photo = await readFile(path.join(sunflowers, (await readdir(sunflowers)).sort().at(-1) ?? ""));
    await worker.ready;
  }, 600_000);

  /** An experiment on a base model, one run to the end, its checkpoint promoted; returns both. */
  async function trained(baseModelId: string, name: string) {
    const experiment = await t.gql<{ createExperiment: { id: string } }>(
      "mutation($d: ID!, $m: ID!, $n: String!) { createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: { epochs: 15 }) { id } }",
      { d: owner.datasetId, m: baseModelId, n: name },
      owner.token,
    );
    const experimentId = experiment.data?.createExperiment.id ?? "";
    const started = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
      { e: experimentId },
      owner.token,
    );
    const run = await until(
      `the ${name} run`,
      async () => {
        const r = (await t.gql<{ run: RunView }>(CHECKPOINTS, { id: started.data?.startRun.id }, owner.token)).data
          ?.run;
        return r && ["SUCCEEDED", "FAILED"].includes(r.status) ? r : undefined;
      },
      300_000,
    );
    expect(run.error).toBeNull();
    const checkpoint = run.checkpoints[0];
    if (!checkpoint) throw new Error("no checkpoint");
    await t.gql("mutation($c: ID!) { promoteCheckpoint(checkpointId: $c) { id } }", { c: checkpoint.id }, owner.token);
    return { experimentId, checkpoint };
  }

  const download = async (url: string) => {
    const response = await fetch(new URL(url, t.api.url), { headers: { authorization: `Bearer ${owner.token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it("EfficientNet-B0: trains on ONNX Runtime, predicts as the engine does, exports both ways alike", async () => {
    const row = await t.db.baseModel.findUniqueOrThrow({ where: { key: "efficientnet_b0_224" } });
    const { experimentId, checkpoint } = await trained(row.id, "EfficientNet");
    const job = await t.db.job.findFirstOrThrow({ where: { kind: "EXTRACT", baseModelId: row.id } });
    expect(job.result).toMatchObject({ backend: "onnxruntime" });

    const answer = await t.gql<{ predict: { results: { top: { label: string; probability: number }[] }[] } }>(
      PREDICT,
      { e: experimentId, b: photo.toString("base64") },
      owner.token,
    );
    const top = answer.data?.predict.results[0]?.top ?? [];
    expect(top).toHaveLength(3);

    // The engine on its own, from the stored rows (TensorFlow.js running the graph model).
    const engine = await engineAnswer(t.db, checkpoint.id, modelCacheDir, photo, 3);
    expect(engine.record.baseModel.bottleneck).toBe("StatefulPartitionedCall/model/top_pool/Mean");
    for (const [i, p] of engine.top.entries()) expect(top[i]?.probability).toBeCloseTo(p.probability, 3);

    // TensorFlow.js export: the graph base and the head side by side, with a loader; the head's own answers.
    const dir = await mkdtemp(path.join(os.tmpdir(), "graph-export-"));
    for await (const file of (await openArchive(await download(checkpoint.exportUrl))).images)
      if ("bytes" in file) {
        const target = path.join(dir, file.path.replace(/^model\//, ""));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.bytes);
      }
    expect((await readdir(dir)).sort()).toEqual(["README.md", "base", "head", "labels.json", "retrained.json"]);
    expect(await readFile(path.join(dir, "README.md"), "utf8")).toContain('tf.loadGraphModel("base/model.json")');
    const exported = await loadExportedModel(dir);
    const { pixels } = await decodeImage(photo, "sun.jpg", { size: 224, resize: "center-crop" });
    const raw = Array.from(exported.probabilities(pixels, 1));
    exported.dispose();
    // The export holds the head's own probabilities (calibration travels in retrained.json): the same ranking.
    const ranked = [...exported.labels].sort(
      (a, b) => (raw[exported.labels.indexOf(b)] ?? 0) - (raw[exported.labels.indexOf(a)] ?? 0),
    );
    expect(ranked).toEqual(top.map((p) => p.label));

    // label-image (the compiled CLI) reads the downloaded zip as it is: the same ranking.
    const zipFile = path.join(dir, "export.zip");
    const photoFile = path.join(dir, "sun.jpg");
    await writeFile(zipFile, await download(checkpoint.exportUrl));
    await writeFile(photoFile, photo);
    const labelled = await promisify(execFile)(compiledFile("packages/engine/dist/cli/label-image.js"), [
      ...["--model", zipFile, "--top-k", "3", "--json", photoFile],
    ]);
    const fromZip = JSON.parse(labelled.stdout) as { top: { label: string }[] };
    expect(fromZip.top.map((p) => p.label)).toEqual(top.map((p) => p.label));

    // ONNX export: one model of base and head, temperature baked in: the API's probabilities.
    expect(checkpoint.onnxExportUrl).not.toBeNull();
    const session = await createOnnxSession(new Uint8Array(await download(checkpoint.onnxExportUrl ?? "")));
    const probabilities = await session.run(pixels, [1, 224, 224, 3]);
    await session.dispose();
    for (const p of top) expect(probabilities[engine.labels.indexOf(p.label)]).toBeCloseTo(p.probability, 3);
  }, 600_000);

  it("a graph model with an op the converter does not take runs on TensorFlow.js, and offers no ONNX download", async () => {
    // TF Hub's MobileNet v1 graph, one of its Relu6 ops made a Softplus (TensorFlow.js runs it; ONNX here does not).
    const folder = path.join(sharedDir(), "models/mobilenet_v1_025_224/imagenet");
    const json = JSON.parse(await readFile(path.join(folder, "model.json"), "utf8"));
    const relu = json.modelTopology.node.find((n: { op: string }) => n.op === "Relu6");
    relu.op = "Softplus";
    const files = [
      { path: "model.json", base64: Buffer.from(JSON.stringify(json)).toString("base64") },
      { path: "group1-shard1of1", base64: (await readFile(path.join(folder, "group1-shard1of1"))).toString("base64") },
    ];
    const registered = await t.gql<{ registerBaseModel: { id: string; format: string } }>(
      `mutation($w: ID!, $f: [ModelFileInput!]) { registerBaseModel(workspaceId: $w, name: "Soft MobileNet", files: $f,
        normalization: ZERO_TO_ONE, bottleneck: "module_apply_default/MobilenetV1/Logits/global_pool") { id format } }`,
      { w: owner.workspaceId, f: files },
      owner.token,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerBaseModel.format).toBe("GRAPH");
    const id = registered.data?.registerBaseModel.id ?? "";
    const { experimentId, checkpoint } = await trained(id, "Softplus");
    const job = await t.db.job.findFirstOrThrow({ where: { kind: "EXTRACT", baseModelId: id } });
    expect(job.result).not.toMatchObject({ backend: "onnxruntime" });
    expect(checkpoint.onnxExportUrl).toBeNull();
    expect(checkpoint.onnxExportUnavailable).toMatch(/\(Softplus\) has no ONNX conversion/);
    // The TensorFlow.js export and predictions work as ever.
    expect((await download(checkpoint.exportUrl)).length).toBeGreaterThan(100_000);
    const answer = await t.gql(PREDICT, { e: experimentId, b: photo.toString("base64") }, owner.token);
    expect(answer.errors).toBeUndefined();
  }, 600_000);
});
