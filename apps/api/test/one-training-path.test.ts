// The CLI and the worker are thin adapters over one engine function (trainClassifier): the same photos,
// splits, hyperparameters and seed give the same checkpoint, whichever trained it. Real flower photos and
// ImageNet MobileNetV2-0.35 from ../shared; a real worker process.
import { checkpointsRepository } from "@retrain/db";
import { fromCheckpointRecord, readCheckpointFolder } from "@retrain/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { flowerFiles, seededModelCache, trainedByCli, upload, workspaceWithDataset } from "./fixtures.js";
import { startWorker, until, type WorkerProcess } from "./worker-process.js";

const CLASSES = ["daisy", "sunflower", "tulip"];
const SETTINGS = { epochs: 12, seed: 7 };

describe("one training path", () => {
  let t: TestApi;
  let worker: WorkerProcess;
  let modelCacheDir: string;
  afterAll(() => worker?.kill());
  beforeAll(async () => {
    modelCacheDir = await seededModelCache();
    t = await startTestApi({ modelCacheDir });
    worker = startWorker({ DATABASE_URL: t.url, MODEL_CACHE_DIR: modelCacheDir });
    await worker.ready;
  }, 120_000);

  /** Creates an experiment on the dataset, runs it to its end, and answers the run. */
  async function trainToEnd(token: string, datasetId: string, hyperparameters: Record<string, unknown>) {
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }", {}, token);
    const experiment = await t.gql<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!, $h: HyperparametersInput) { createExperiment(datasetId: $d, baseModelId: $m, name: "same", hyperparameters: $h) { id } }',
      {
        d: datasetId,
        m: models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id,
        h: hyperparameters,
      },
      token,
    );
    const started = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
      { e: experiment.data?.createExperiment.id },
      token,
    );
    type Run = {
      status: string;
      error: string | null;
      checkpoints: { id: string }[];
      metrics: { testAccuracy: number | null; validationAccuracy: number | null; evaluatedOn: string | null } | null;
      evaluation: { count: number } | null;
    };
    return until(
      "the run to end",
      async () => {
        const answer = await t.gql<{ run: Run }>(
          "query($id: ID!) { run(id: $id) { status error checkpoints { id } metrics { testAccuracy validationAccuracy evaluatedOn } evaluation { count } } }",
          { id: started.data?.startRun.id },
          token,
        );
        const r = answer.data?.run;
        return r && ["SUCCEEDED", "FAILED"].includes(r.status) ? r : false;
      },
      120_000,
    );
  }

  it("a dataset without TEST images trains, evaluates on validation, says so, and saves the checkpoint", async () => {
    const owner = await workspaceWithDataset(t, "no-test@example.com");
    const photos = await flowerFiles(CLASSES, 8);
    await upload(
      t,
      owner.token,
      owner.datasetId,
      photos.map((p, i) => ({ ...p, split: i % 4 === 0 ? ("VALIDATION" as const) : ("TRAIN" as const) })),
    );
    const run = await trainToEnd(owner.token, owner.datasetId, { epochs: 3 });
    expect(run).toMatchObject({ status: "SUCCEEDED", error: null });
    expect(run.metrics).toMatchObject({ testAccuracy: null, evaluatedOn: "VALIDATION" });
    expect(run.metrics?.validationAccuracy).toBeTypeOf("number");
    expect(run.evaluation?.count).toBe(6);
    expect(run.checkpoints).toHaveLength(1);
  }, 300_000);

  it("the CLI and the worker save the same checkpoint for the same data and seed", async () => {
    const photos = await flowerFiles(CLASSES, 14);
    const cli = await trainedByCli(photos, modelCacheDir, SETTINGS);
    const fromCli = await readCheckpointFolder(cli.checkpointDir);

    // The same photos through the API, each in the split the CLI gave it.
    const owner = await workspaceWithDataset(t, "one-path@example.com");
    await upload(
      t,
      owner.token,
      owner.datasetId,
      photos.map((p) => ({ ...p, split: cli.splitOf(p.name) })),
    );
    const run = await trainToEnd(owner.token, owner.datasetId, SETTINGS);
    expect(run.error).toBeNull();
    const row = await checkpointsRepository(t.db).withBaseModel(run.checkpoints[0]?.id ?? "");
    if (!row) throw new Error("the run saved no checkpoint");
    const fromWorker = fromCheckpointRecord(row);

    expect(cli.summary.images.total).toBe(photos.length);
    expect(fromWorker.labels).toEqual(fromCli.labels);
    expect(fromWorker.step).toBe(fromCli.step);
    expect(fromWorker.weightSpecs).toEqual(fromCli.weightSpecs);
    const a = new Float32Array(fromCli.weights.slice().buffer);
    const b = new Float32Array(fromWorker.weights.slice().buffer);
    expect(b.length).toBe(a.length);
    const largest = a.reduce((max, v, i) => Math.max(max, Math.abs(v - (b[i] ?? Number.NaN))), 0);
    expect(largest).toBeLessThan(1e-5);
  }, 300_000);
});
