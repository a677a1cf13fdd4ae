// Training runs and predictions end to end: API, queue, a real worker process, ImageNet MobileNetV2-0.35
// and real flower photos from ../shared.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createOnnxSession, decodeImage, loadExportedModel } from "@retrain/engine";
import { sharedDir } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { engineAnswer } from "./engine-answer.js";
import { flowerFiles, upload, workspaceWithDataset } from "./fixtures.js";
import { collectSubscription } from "./live-client.js";
import { apiWithWorker } from "./trained-team.js";
import { until, type WorkerProcess } from "./worker-process.js";

const RUN = `query($id: ID!) { run(id: $id) { status error metrics { testAccuracy validationAccuracy evaluatedOn } evaluation { labels confusionMatrix { label counts } perClass { label f1 } misclassified { image { id } trueLabel top { label probability } } } epochs { epoch trainLoss validationAccuracy } checkpoints { id step labels } } }`;
const PREDICT = `mutation($c: ID, $e: ID, $imgs: [PredictImageInput!], $ids: [ID!], $k: Int) {
  predict(checkpointId: $c, experimentId: $e, images: $imgs, imageIds: $ids, topK: $k) { checkpointId latencyMs results { name error top { label probability } } } }`;

interface RunView {
  status: string;
  error: string | null;
  metrics: { testAccuracy: number; validationAccuracy: number | null; evaluatedOn: string | null } | null;
  evaluation: {
    labels: string[];
    confusionMatrix: { label: string; counts: number[] }[];
    perClass: { label: string; f1: number }[];
    misclassified: { image: { id: string } | null; trueLabel: string }[];
  } | null;
  epochs: { epoch: number; trainLoss: number }[];
  checkpoints: { id: string; step: number; labels: string[] }[];
}

describe("training runs and predictions", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let viewer: string;
  let modelCacheDir: string;
  let experimentId: string;
  let run: RunView;
  let worker: WorkerProcess;

  beforeAll(async () => {
    ({ t, worker, modelCacheDir } = await apiWithWorker());
    owner = await workspaceWithDataset(t, "trainer@example.com");
    viewer = (await t.join(owner.token, owner.workspaceId, "v@example.com", "VIEWER")).token;
    await upload(t, owner.token, owner.datasetId, await flowerFiles(["daisy", "sunflower", "tulip"], 30));
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>(
      "{ baseModels { id key } }",
      {},
      owner.token,
    );
    const created = await t.gql<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "first", hyperparameters: { epochs: 20 }) { id } }',
      { d: owner.datasetId, m: models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id },
      owner.token,
    );
    experimentId = created.data?.createExperiment.id ?? "";
    await worker.ready;
  }, 120_000);

  it("trains in the background: epochs stored, evaluation and checkpoint saved", async () => {
    const started = await t.gql<{ startRun: { id: string; status: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e) { id status } }",
      { e: experimentId },
      owner.token,
    );
    expect(started.data?.startRun.status).toBe("QUEUED");
    run = await until(
      "the run to finish",
      async () => {
        const r = (await t.gql<{ run: RunView }>(RUN, { id: started.data?.startRun.id }, owner.token)).data?.run;
        return r && ["SUCCEEDED", "FAILED"].includes(r.status) ? r : undefined;
      },
      150_000,
    );
    expect(run.error).toBeNull();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.epochs.length).toBeGreaterThan(0);
    expect(run.epochs[0]?.epoch).toBe(1);
    expect(run.metrics?.testAccuracy).toBeGreaterThan(0.5);
    expect(run.evaluation?.confusionMatrix).toHaveLength(3);
    expect(run.evaluation?.confusionMatrix.map((row) => row.label)).toEqual(run.evaluation?.labels);
    expect(run.metrics?.evaluatedOn).toBe("TEST");
    for (const mistake of run.evaluation?.misclassified ?? []) expect(mistake.image?.id).toBeTruthy();
    expect(run.evaluation?.perClass.map((c) => c.label)).toEqual(["daisy", "sunflower", "tulip"]);
    expect(run.checkpoints).toHaveLength(1);
  }, 200_000);

  it("predicts through an alias, equal to the engine's own prediction for the same checkpoint and image", async () => {
    const checkpointId = run.checkpoints[0]?.id ?? "";
    const promoted = await t.gql(
      "mutation($c: ID!) { promoteCheckpoint(checkpointId: $c) { id } }",
      { c: checkpointId },
      owner.token,
    );
    expect(promoted.errors).toBeUndefined();
    // A sunflower photo the run did not train on (uploads took the first 30 of each class).
    const sunflowers = path.join(sharedDir(), "datasets/flowers_small/sunflower");
    const photo = await readFile(path.join(sunflowers, (await readdir(sunflowers)).sort().at(-1) ?? ""));
    const answer = await t.gql<{
      predict: {
        checkpointId: string;
        latencyMs: number;
        results: { top: { label: string; probability: number }[] }[];
      };
    }>(PREDICT, { e: experimentId, imgs: [{ name: "sun.jpg", base64: photo.toString("base64") }], k: 3 }, viewer);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.predict.checkpointId).toBe(checkpointId);
    const top = answer.data?.predict.results[0]?.top ?? [];
    expect(top).toHaveLength(3);

    // The engine, on its own, from the stored checkpoint rows.
    const engine = await engineAnswer(t.db, checkpointId, modelCacheDir, photo, 3);
    expect(top.map((p) => p.label)).toEqual(engine.top.map((p) => p.label));
    // The API runs the base model on ONNX Runtime, this comparison on TensorFlow.js: equal to float rounding.
    for (const [i, p] of top.entries()) expect(p.probability).toBeCloseTo(engine.top[i]?.probability ?? -1, 3);
    await until(
      "the prediction to be logged",
      async () => (await t.db.prediction.count({ where: { checkpointId } })) >= 1,
    );
    // The workspace's served predictions, newest first, as a connection; nothing of them to an outsider.
    const SERVED =
      "query($w: ID!) { workspace(id: $w) { predictions(first: 5) { nodes { top { label } checkpoint { id } } } } }";
    const served = await t.gql<{
      workspace: { predictions: { nodes: { top: { label: string }[]; checkpoint: { id: string } }[] } };
    }>(SERVED, { w: owner.workspaceId }, viewer);
    expect(served.data?.workspace.predictions.nodes[0]).toMatchObject({
      top: top.map((p) => ({ label: p.label })),
      checkpoint: { id: checkpointId },
    });
    const outsider = (await t.signUp("served-outsider@example.com")).token;
    expect((await t.gql(SERVED, { w: owner.workspaceId }, outsider)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  }, 60_000);

  it("batches concurrent requests and reports unreadable images per image", async () => {
    const ids = (
      await t.db.image.findMany({ where: { datasetId: owner.datasetId }, take: 8, select: { id: true } })
    ).map((i) => i.id);
    const answers = await Promise.all(
      ids.map((id) =>
        t.gql<{ predict: { results: { name: string; top: unknown[] }[] } }>(
          PREDICT,
          { c: run.checkpoints[0]?.id, ids: [id], k: 2 },
          owner.token,
        ),
      ),
    );
    for (const [i, a] of answers.entries())
      expect(a.data?.predict.results[0]).toMatchObject({ name: ids[i], top: [expect.anything(), expect.anything()] });
    const bad = await t.gql<{ predict: { results: { error: string | null }[] } }>(
      PREDICT,
      { c: run.checkpoints[0]?.id, imgs: [{ name: "x.txt", base64: Buffer.from("hello").toString("base64") }] },
      owner.token,
    );
    expect(bad.data?.predict.results[0]?.error).toMatch(/not an image/);
  }, 60_000);

  it("comments on the experiment and its runs, and lists runs side by side", async () => {
    const runId = (await t.db.trainingRun.findFirstOrThrow({ where: { experimentId } })).id;
    const ADD =
      "mutation($e: ID, $r: ID, $b: String!) { addComment(experimentId: $e, runId: $r, body: $b) { id runId author { email } } }";
    const onRun = await t.gql<{ addComment: { runId: string; author: { email: string } } }>(
      ADD,
      { r: runId, b: "Tulips look confused." },
      owner.token,
    );
    expect(onRun.data?.addComment).toMatchObject({ runId, author: { email: "trainer@example.com" } });
    await t.gql(ADD, { e: experimentId, b: "Try a hidden layer next." }, owner.token);
    const empty = await t.gql(ADD, { e: experimentId, b: "  " }, owner.token);
    expect(empty.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
    const fromViewer = await t.gql(ADD, { e: experimentId, b: "hi" }, viewer);
    expect(fromViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const view = await t.gql<{
      experiment: {
        comments: { nodes: { body: string }[] };
        runs: { nodes: { hyperparameters: { epochs: number }; metrics: { testAccuracy: number } }[] };
      };
    }>(
      "query($e: ID!) { experiment(id: $e) { comments { nodes { body } } runs { nodes { hyperparameters { epochs } metrics { testAccuracy } } } } }",
      { e: experimentId },
      viewer,
    );
    expect(view.data?.experiment.comments.nodes.map((c) => c.body)).toEqual([
      "Tulips look confused.",
      "Try a hidden layer next.",
    ]);
    expect(view.data?.experiment.runs.nodes[0]?.hyperparameters.epochs).toBe(20);
    expect(view.data?.experiment.runs.nodes[0]?.metrics.testAccuracy).toBe(run.metrics?.testAccuracy);
  });

  it("resumes from a checkpoint with its progress streamed over graphql-ws, epochs numbered on", async () => {
    const checkpoint = run.checkpoints[0];
    const started = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!, $c: ID!) { startRun(experimentId: $e, resumeFromCheckpointId: $c, hyperparameters: { epochs: 3 }) { id } }",
      { e: experimentId, c: checkpoint?.id },
      owner.token,
    );
    const updates = await collectSubscription<{ runProgress: RunView & { resumedFromId: string } }>(
      t.api.url,
      "subscription($id: ID!) { runProgress(id: $id) { status resumedFromId epochs { epoch } checkpoints { step } } }",
      { id: started.data?.startRun.id },
      owner.token,
    );
    const statuses = updates.map((u) => u.data?.runProgress.status);
    expect(statuses.at(-1)).toBe("SUCCEEDED");
    expect(statuses.length).toBeGreaterThan(1); // streamed: at least the queued run and the finished one
    const last = updates.at(-1)?.data?.runProgress;
    const from = checkpoint?.step ?? 0;
    expect(last?.resumedFromId).toBe(checkpoint?.id);
    expect(last?.epochs.map((e) => e.epoch)).toEqual([from + 1, from + 2, from + 3]);
    const outsider = (await t.signUp("peeker@example.com")).token;
    const peek = await collectSubscription(
      t.api.url,
      "subscription($id: ID!) { runProgress(id: $id) { status } }",
      { id: started.data?.startRun.id },
      outsider,
    );
    expect(peek[0]?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  }, 120_000);

  it("cancels a run between epochs, keeping what it stored", async () => {
    const started = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e, hyperparameters: { epochs: 500, earlyStoppingPatience: 0 }) { id } }",
      { e: experimentId },
      owner.token,
    );
    const id = started.data?.startRun.id;
    await until("the run to train", async () => (await t.db.epochMetric.count({ where: { runId: id } })) > 0, 60_000);
    const cancelled = await t.gql<{ cancelRun: { status: string } }>(
      "mutation($id: ID!) { cancelRun(id: $id) { status } }",
      { id },
      owner.token,
    );
    expect(cancelled.data?.cancelRun.status).toBe("CANCELLED");
    await new Promise((r) => setTimeout(r, 1500));
    const after = await t.db.trainingRun.findUniqueOrThrow({ where: { id }, include: { epochs: true } });
    expect(after.status).toBe("CANCELLED");
    expect(after.epochs.length).toBeGreaterThan(0);
    expect(after.epochs.length).toBeLessThan(500);
    const again = await t.gql("mutation($id: ID!) { cancelRun(id: $id) { status } }", { id }, owner.token);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  }, 90_000);

  it("downloads the exported TensorFlow.js model of a checkpoint, for members only", async () => {
    const checkpoint = await t.gql<{ run: { checkpoints: { id: string; exportUrl: string }[] } }>(
      "query($id: ID!) { run(id: $id) { checkpoints { id exportUrl } } }",
      { id: (await t.db.trainingRun.findFirstOrThrow({ where: { experimentId }, orderBy: { queuedAt: "asc" } })).id },
      viewer,
    );
    const exportUrl = new URL(checkpoint.data?.run.checkpoints[0]?.exportUrl ?? "", t.api.url).toString();
    const response = await fetch(exportUrl, { headers: { authorization: `Bearer ${viewer}` } });
    expect(response.status).toBe(200);
    const zip = Buffer.from(await response.arrayBuffer());
    const { openArchive } = await import("@retrain/ingest");
    const dir = await mkdtemp(path.join(os.tmpdir(), "export-"));
    const archive = await openArchive(zip);
    for await (const file of archive.images)
      if ("bytes" in file) await writeFile(path.join(dir, path.basename(file.path)), file.bytes);
    const exported = await loadExportedModel(dir);
    expect(exported.labels).toEqual(["daisy", "sunflower", "tulip"]);
    exported.dispose();
    const denied = await fetch(exportUrl, {
      headers: { authorization: `Bearer ${(await t.signUp("x@example.com")).token}` },
    });
    expect(denied.status).toBe(404);

    // The same checkpoint as one ONNX model predicts what the API predicts.
    const onnx = await fetch(exportUrl.replace(/\.zip$/, ".onnx"), { headers: { authorization: `Bearer ${viewer}` } });
    expect(onnx.status).toBe(200);
    const session = await createOnnxSession(new Uint8Array(await onnx.arrayBuffer()));
    const sunflowers = path.join(sharedDir(), "datasets/flowers_small/sunflower");
    const photo = await readFile(path.join(sunflowers, (await readdir(sunflowers)).sort().at(-2) ?? ""));
    const { pixels } = await decodeImage(photo, "sun.jpg", { size: 224, resize: "center-crop" });
    const probabilities = await session.run(pixels, [1, 224, 224, 3]);
    await session.dispose();
    const answer = await t.gql<{ predict: { results: { top: { label: string; probability: number }[] }[] } }>(
      PREDICT,
      {
        c: checkpoint.data?.run.checkpoints[0]?.id,
        imgs: [{ name: "sun.jpg", base64: photo.toString("base64") }],
        k: 3,
      },
      viewer,
    );
    const labels = ["daisy", "sunflower", "tulip"];
    for (const p of answer.data?.predict.results[0]?.top ?? [])
      expect(probabilities[labels.indexOf(p.label)]).toBeCloseTo(p.probability, 4);
  }, 90_000);

  it("a viewer cannot start a run, and an outsider cannot predict", async () => {
    const refused = await t.gql("mutation($e: ID!) { startRun(experimentId: $e) { id } }", { e: experimentId }, viewer);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const outsider = (await t.signUp("outside@example.com")).token;
    const denied = await t.gql(PREDICT, { c: run.checkpoints[0]?.id, ids: ["any"] }, outsider);
    expect(denied.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const feed = await t.gql<{ workspace: { activity: { nodes: { verb: string }[] } } }>(
      "query($w: ID!) { workspace(id: $w) { activity { nodes { verb } } } }",
      { w: owner.workspaceId },
      viewer,
    );
    expect(feed.data?.workspace.activity.nodes.map((a) => a.verb)).toEqual(
      expect.arrayContaining(["experiment.created", "run.started", "checkpoint.promoted", "comment.created"]),
    );
    const badHyper = await t.gql(
      "mutation($e: ID!) { startRun(experimentId: $e, hyperparameters: { epochs: -1 }) { id } }",
      { e: experimentId },
      owner.token,
    );
    expect(badHyper.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "hyperparameters.epochs" });
  });
});
