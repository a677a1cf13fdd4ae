// Predictions a team can trust, end to end on a worker-trained flower classifier: calibration and "don't
// know" with evidence, the parity gate before an alias serves, and the paired comparison of two runs.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, type TrainedWorkspace, until } from "@retrain/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { trainedTeam } from "./trained-team.js";
import type { WorkerProcess } from "./worker-process.js";

describe("predictions a team can trust", () => {
  let t: TestApi;
  let team: TrainedWorkspace;
  let viewer: string;
  let worker: WorkerProcess;
  /** The first run's test split: how many images, and its accuracy. */
  let testImages: number;
  let testAccuracy: number;
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    ({ t, team, worker } = await trainedTeam("trust@example.com"));
    viewer = (await t.join(team.token, team.workspaceId, "trust-viewer@example.com", "VIEWER")).token;
    const first = await t.db.trainingRun.findFirstOrThrow({ where: { experimentId: team.experimentId } });
    const evaluation = first.evaluation as { count: number };
    testImages = evaluation.count;
    testAccuracy = (first.metrics as { testAccuracy: number }).testAccuracy;
    // A second run of the same experiment, on the same splits, to compare with the first.
    const second = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e, hyperparameters: { epochs: 5 }) { id } }",
      { e: team.experimentId },
      team.token,
    );
    await until(
      "the second run",
      async () =>
        (await t.db.trainingRun.findUnique({ where: { id: second.data?.startRun.id ?? "" } }))?.status === "SUCCEEDED",
      180_000,
    );
  }, 300_000);

  it("promoted production only after serving its reference images as its evaluation saw them", async () => {
    const promoted = await t.db.activity.findFirstOrThrow({ where: { verb: "checkpoint.promoted" } });
    expect(promoted.data).toMatchObject({ alias: "production", parity: { passed: true, checked: testImages } });
  });

  it('calibrates each checkpoint, says "don\'t know" with a reason, shows its evidence, and moves its threshold', async () => {
    const checkpointId = team.checkpointId;
    const runId = (await t.db.checkpoint.findUniqueOrThrow({ where: { id: checkpointId } })).runId;
    const CALIBRATION = `query($id: ID!) { run(id: $id) { checkpoints { calibration {
      temperature fittedOn evaluatedOn eceBefore eceAfter targetPrecision threshold
      reliabilityAfter { count } curve { threshold coverage precision } } } } }`;
    type View = {
      temperature: number;
      fittedOn: string;
      evaluatedOn: string;
      eceBefore: number;
      eceAfter: number;
      targetPrecision: number;
      threshold: number;
      reliabilityAfter: { count: number }[];
      curve: { threshold: number; coverage: number; precision: number }[];
    };
    const read = async () =>
      (await t.gql<{ run: { checkpoints: { calibration: View }[] } }>(CALIBRATION, { id: runId }, viewer)).data?.run
        .checkpoints[0]?.calibration;
    const calibration = await read();
    expect(calibration).toMatchObject({ fittedOn: "validation", evaluatedOn: "test", targetPrecision: 0.95 });
    expect(calibration?.temperature).toBeGreaterThan(0);
    expect(calibration?.reliabilityAfter.reduce((n, b) => n + b.count, 0)).toBe(testImages);
    expect(calibration?.curve.length).toBeGreaterThanOrEqual(2);

    // A photo of the training classes, and a pattern of none of them, with the evidence behind each answer.
    const ASK = `mutation($c: ID!, $imgs: [PredictImageInput!]) { predict(checkpointId: $c, images: $imgs) {
      results { unknown unknownReason calibrated top { label probability } evidence { label distance image { id } } } } }`;
    const tulips = path.join(sharedDir(), "datasets/flowers_small/tulip");
    const tulip = await readFile(path.join(tulips, (await readdir(tulips)).sort().at(-1) ?? ""));
    const pattern = await sharp(Buffer.from(Array.from({ length: 128 * 128 * 3 }, (_, i) => (i * 7919) % 253)), {
      raw: { width: 128, height: 128, channels: 3 },
    })
      .png()
      .toBuffer();
    type Answer = {
      unknown: boolean;
      unknownReason: string | null;
      calibrated: boolean;
      top: { label: string; probability: number }[];
      evidence: { label: string; distance: number; image: { id: string } | null }[];
    };
    const answer = await t.gql<{ predict: { results: Answer[] } }>(
      ASK,
      {
        c: checkpointId,
        imgs: [
          { name: "tulip.jpg", base64: tulip.toString("base64") },
          { name: "pattern.png", base64: pattern.toString("base64") },
        ],
      },
      viewer,
    );
    expect(answer.errors).toBeUndefined();
    const [flower, noise] = answer.data?.predict.results ?? [];
    expect(flower?.calibrated).toBe(true);
    expect(flower?.evidence).toHaveLength(3);
    expect(flower?.evidence.map((e) => e.label)).toContain("tulip");
    expect(flower?.evidence[0]?.distance).toBeLessThanOrEqual(flower?.evidence[2]?.distance ?? 0);
    expect(noise).toMatchObject({ unknown: true, unknownReason: "FAR_FROM_TRAINING" });

    // Moving along the curve: a lower target precision answers more (a lower threshold), recorded in activity.
    const SET = "mutation($c: ID!, $p: Float!) { setTargetPrecision(checkpointId: $c, targetPrecision: $p) { id } }";
    expect((await t.gql(SET, { c: checkpointId, p: 0.6 }, viewer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(SET, { c: checkpointId, p: 2 }, team.token)).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await t.gql(SET, { c: checkpointId, p: 0.6 }, team.token)).errors).toBeUndefined();
    const moved = await read();
    expect(moved?.targetPrecision).toBe(0.6);
    expect(moved?.threshold).toBeLessThanOrEqual(calibration?.threshold ?? 0);
    expect(await t.db.activity.count({ where: { verb: "checkpoint.threshold_changed" } })).toBe(1);
  }, 60_000);

  it("refuses to promote a checkpoint whose serving no longer answers what its evaluation saw", async () => {
    const [, resumed] = await t.db.trainingRun.findMany({
      where: { experimentId: team.experimentId, status: "SUCCEEDED" },
      orderBy: { queuedAt: "asc" },
      include: { checkpoints: true },
    });
    const checkpoint = resumed?.checkpoints[0];
    if (!checkpoint) throw new Error("no checkpoint");
    // What its evaluation saw differs from what serving answers now, as when the base model's file changed
    // after training: three reference images had other probabilities then.
    const evaluation = resumed?.evaluation as { reference: { names: string[]; probabilities: number[][] } };
    for (const i of [0, 1, 2]) {
      const stored = evaluation.reference.probabilities[i] ?? [];
      const top = stored.indexOf(Math.max(...stored));
      evaluation.reference.probabilities[i] = stored.map((_, j) => (j === (top + 1) % stored.length ? 1 : 0));
    }
    await t.db.trainingRun.update({ where: { id: resumed?.id }, data: { evaluation } });
    const refused = await t.gql(
      'mutation($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: "canary") { id } }',
      { c: checkpoint.id },
      team.token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(refused.errors?.[0]?.message).toMatch(/^Not promoted: 3 of 10 held-out images answer differently/);
    expect(await t.db.checkpointAlias.count({ where: { name: "canary" } })).toBe(0);
    const failed = await t.db.activity.findFirstOrThrow({ where: { verb: "checkpoint.parity_failed" } });
    expect(failed.data).toMatchObject({ alias: "canary", parity: { passed: false, checked: 10 } });
  });

  it("compares two runs on the same test images: McNemar's exact test, bootstrap intervals, a verdict", async () => {
    const [first, resumed] = await t.db.trainingRun.findMany({
      where: { experimentId: team.experimentId, status: "SUCCEEDED" },
      orderBy: { queuedAt: "asc" },
    });
    const COMPARE = `query($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) { reason comparison {
      images pValue significant verdict onlyA onlyB difference { value low high } accuracyA { value }
      perClass { label f1A { value low high } } } } }`;
    type Compared = {
      reason: string | null;
      comparison: {
        images: number;
        pValue: number;
        significant: boolean;
        verdict: string;
        onlyA: number;
        onlyB: number;
        difference: { value: number; low: number; high: number };
        accuracyA: { value: number };
        perClass: { label: string; f1A: { value: number; low: number; high: number } }[];
      } | null;
    };
    const answer = await t.gql<{ compareRuns: Compared }>(COMPARE, { a: first?.id, b: resumed?.id }, viewer);
    expect(answer.errors).toBeUndefined();
    const c = answer.data?.compareRuns.comparison;
    expect(answer.data?.compareRuns.reason).toBeNull();
    expect(c?.images).toBe(testImages);
    expect(c?.accuracyA.value).toBeCloseTo(testAccuracy, 6);
    expect(c?.pValue).toBeGreaterThan(0);
    expect(c?.pValue).toBeLessThanOrEqual(1);
    expect(c?.difference.low).toBeLessThanOrEqual(c?.difference.value ?? 0);
    expect(c?.difference.high).toBeGreaterThanOrEqual(c?.difference.value ?? 0);
    expect(c?.perClass.map((p) => p.label)).toEqual(["daisy", "sunflower", "tulip"]);
    expect(c?.verdict).toMatch(c?.significant ? /is better/ : /No significant difference/);
    // A run compared with itself: nothing differs, nothing is significant.
    const same = await t.gql<{ compareRuns: Compared }>(COMPARE, { a: first?.id, b: first?.id }, viewer);
    expect(same.data?.compareRuns.comparison).toMatchObject({ onlyA: 0, onlyB: 0, pValue: 1, significant: false });
    const outsider = (await t.signUp("compare-outsider@example.com")).token;
    const refused = await t.gql(COMPARE, { a: first?.id, b: resumed?.id }, outsider);
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("compares runs of two experiments on one dataset (another head), and refuses runs of two datasets", async () => {
    const COMPARE = `query($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) { reason comparison { images verdict } } }`;
    const experiment = await t.db.experiment.findUniqueOrThrow({ where: { id: team.experimentId } });
    const other = await t.gql<{ createExperiment: { id: string } }>(
      `mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "wider head",
        hyperparameters: { hiddenUnits: 32 }) { id } }`,
      { d: team.datasetId, m: experiment.baseModelId },
      team.token,
    );
    const started = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
      { e: other.data?.createExperiment.id },
      team.token,
    );
    const runB = started.data?.startRun.id ?? "";
    await until(
      "the other experiment's run",
      async () => (await t.db.trainingRun.findUnique({ where: { id: runB } }))?.status === "SUCCEEDED",
      180_000,
    );
    const first = await t.db.trainingRun.findFirstOrThrow({
      where: { experimentId: team.experimentId, status: "SUCCEEDED" },
      orderBy: { queuedAt: "asc" },
    });
    const across = await t.gql<{
      compareRuns: { reason: string | null; comparison: { images: number; verdict: string } | null };
    }>(COMPARE, { a: first.id, b: runB }, viewer);
    expect(across.errors).toBeUndefined();
    expect(across.data?.compareRuns.reason).toBeNull();
    expect(across.data?.compareRuns.comparison?.images).toBe(testImages);
    // A run of another dataset (of the same workspace) shares no test images: refused, naming why.
    const dataset = await t.db.dataset.create({ data: { workspaceId: team.workspaceId, name: "elsewhere" } });
    const elsewhere = await t.db.experiment.create({
      data: { datasetId: dataset.id, baseModelId: experiment.baseModelId, name: "e", hyperparameters: {} },
    });
    const stray = await t.db.trainingRun.create({
      data: { experimentId: elsewhere.id, hyperparameters: {}, status: "SUCCEEDED" },
    });
    const refused = await t.gql(COMPARE, { a: first.id, b: stray.id }, viewer);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "runB" });
    expect(refused.errors?.[0]?.message).toMatch(/one dataset/);
  });
});
