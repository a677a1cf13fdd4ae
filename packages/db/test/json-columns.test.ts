// JSON columns come out of the database package typed by their schemas, for rows written by any release:
// missing hyperparameters take their defaults, old evaluations keep what they have, unreadable values are
// null rather than wrong, in plain reads, nested includes and selects alike.
import { DEFAULT_HYPERPARAMETERS } from "@retrain/engine";
import { useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client.js";
import { healthRepository } from "../src/repositories/health.js";

const evaluation = {
  count: 2,
  accuracy: 0.5,
  topK: 2,
  topKAccuracy: 1,
  perClass: [{ label: "daisy", precision: 1, recall: 0.5, f1: 0.67, support: 2 }],
  confusionMatrix: [[1, 1]],
  misclassified: [],
};

describe("typed JSON columns", () => {
  let db: Db;
  let experimentId: string;
  let runId: string;
  let datasetId: string;
  let baseModelId: string;
  beforeAll(async () => {
    ({ db } = await useTestDatabase());
    const workspace = await db.workspace.create({ data: { name: "J", slug: "j" } });
    const dataset = await db.dataset.create({ data: { workspaceId: workspace.id, name: "d" } });
    const model = await db.baseModel.create({
      data: {
        key: "m",
        name: "m",
        sourceUrl: "https://example.com/model.json",
        format: "LAYERS",
        inputWidth: 224,
        inputHeight: 224,
        normalization: "[-1,1]",
        bottleneckOutput: "pool",
        featureDim: 8,
      },
    });
    // As an earlier release wrote them: two hyperparameters only, one of them of the wrong type.
    datasetId = dataset.id;
    baseModelId = model.id;
    const experiment = await db.experiment.create({
      data: { datasetId: dataset.id, baseModelId: model.id, name: "e", hyperparameters: { epochs: 7, seed: "x" } },
    });
    experimentId = experiment.id;
    const run = await db.trainingRun.create({
      data: {
        experimentId,
        hyperparameters: { epochs: 7 },
        metrics: { testAccuracy: 0.5, evaluatedOn: "test" },
        evaluation,
      },
    });
    runId = run.id;
    await db.checkpoint.create({
      data: {
        runId,
        step: 1,
        topology: {},
        weights: new Uint8Array(1),
        baseModelId: model.id,
        baseModelWeightsHash: "h",
        preprocessing: {},
        calibration: { temperature: "hot" },
      },
    });
  });

  it("reads hyperparameters complete: what a row lacks or has wrong takes its default", async () => {
    const experiment = await db.experiment.findUniqueOrThrow({ where: { id: experimentId } });
    expect(experiment.hyperparameters).toEqual({ ...DEFAULT_HYPERPARAMETERS, epochs: 7 });
  });

  it("reads an evaluation without per-image outcomes as it is, and metrics partial", async () => {
    const run = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.evaluation).toEqual(evaluation);
    expect(run.evaluation?.outcomes).toBeUndefined();
    expect(run.metrics).toEqual({ testAccuracy: 0.5, evaluatedOn: "test" });
  });

  it("reads what does not fit its schema as null, in nested includes and selects too", async () => {
    const checkpoint = await db.checkpoint.findFirstOrThrow({ where: { runId }, include: { run: true } });
    expect(checkpoint.calibration).toBeNull();
    expect(checkpoint.run.hyperparameters.epochs).toBe(7);
    const selected = await db.experiment.findUniqueOrThrow({
      where: { id: experimentId },
      select: { runs: { select: { evaluation: true } } },
    });
    expect(selected.runs[0]?.evaluation?.accuracy).toBe(0.5);
  });

  it("reads a health report it cannot read as no report, so the next check writes it anew", async () => {
    const health = healthRepository(db);
    const report = {
      images: 2,
      duplicates: [],
      mislabeled: [],
      strays: [{ imageId: "i", score: 0.5 }],
      balance: { perClass: [], small: [], missing: [] },
      seconds: { neighbours: 0, folds: 0, map: 0 },
    };
    const stored = { signature: "s", report, mapImageIds: [], mapPoints: new Uint8Array(0) };
    await health.save(datasetId, baseModelId, stored);
    expect((await health.find(datasetId, baseModelId))?.report).toEqual(report);
    await db.datasetHealth.updateMany({ where: { datasetId }, data: { report: { strays: "none" } } });
    expect(await health.find(datasetId, baseModelId)).toBeNull();
  });
});
