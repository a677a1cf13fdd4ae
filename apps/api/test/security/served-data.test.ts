// What a trained model serves and keeps: downloads no shared cache may hold, served images within the
// upload limit and only for as long as the retention says, and reads whose cost is bounded.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, type TrainedWorkspace } from "@retrain/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "../api-client.js";
import { trainedTeam } from "../trained-team.js";
import { startWorker, until, type WorkerProcess } from "../worker-process.js";

const PREDICT_KEEP = `mutation($e: ID!, $b: String!) { predict(experimentId: $e, images: [{ base64: $b }], keep: true) {
  kept results { ... on ImagePrediction { top { label } } } } }`;

describe("served models and images", () => {
  let t: TestApi;
  let team: TrainedWorkspace;
  let worker: WorkerProcess;
  let photo: Buffer;
  beforeAll(async () => {
    ({ t, team, worker } = await trainedTeam("server@example.com"));
    const roses = path.join(sharedDir(), "datasets/flowers_small/rose");
    photo = await readFile(path.join(roses, (await readdir(roses)).sort()[0] ?? ""));
    await t.gql(
      "mutation($w: ID!) { setKeepServedImages(workspaceId: $w, keep: true) { id } }",
      { w: team.workspaceId },
      team.token,
    );
  }, 600_000);
  afterAll(() => worker?.kill());

  it("sends model downloads as private and never stored by a shared cache", async () => {
    const response = await fetch(new URL(`/exports/${team.checkpointId}.zip`, t.api.url), {
      headers: { authorization: `Bearer ${team.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    await response.arrayBuffer();
  }, 120_000);

  it("keeps no served image larger than an upload may be, and still answers it", async () => {
    // A real photo followed by 21 MB of padding after its end marker: decoders read the photo, the size is real.
    const huge = Buffer.concat([await sharp(photo).jpeg().toBuffer(), Buffer.alloc(21 * 1024 * 1024)]);
    const before = await t.db.prediction.count({ where: { keptSha256: { not: null } } });
    const answer = await t.gql<{ predict: { results: { top?: { label: string }[] }[] } }>(
      PREDICT_KEEP,
      { e: team.experimentId, b: huge.toString("base64") },
      team.token,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.predict.results[0]?.top?.length).toBeGreaterThan(0);
    await until("the prediction's log", async () => (await t.db.prediction.count()) > 0);
    expect(await t.db.prediction.count({ where: { keptSha256: { not: null } } })).toBe(before);
    expect(await t.db.blob.count({ where: { size: { gt: 20 * 1024 * 1024 } } })).toBe(0);
  }, 120_000);

  it("forgets kept images after the retention period; the predictions themselves stay", async () => {
    const small = await t.gql(PREDICT_KEEP, { e: team.experimentId, b: photo.toString("base64") }, team.token);
    expect(small.errors).toBeUndefined();
    const kept = await until(
      "the kept image",
      async () => (await t.db.prediction.findFirst({ where: { keptSha256: { not: null } } })) ?? undefined,
    );
    await t.db.prediction.update({
      where: { id: kept.id },
      data: { createdAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    const sweeper = startWorker({ DATABASE_URL: t.url, KEPT_IMAGE_DAYS: "2" });
    try {
      await sweeper.printed("served images older than 2 days");
      const after = await t.db.prediction.findUniqueOrThrow({ where: { id: kept.id } });
      expect(after.keptSha256).toBeNull();
      expect(after.label).toBe(kept.label);
      expect(await t.db.blob.count({ where: { sha256: kept.keptSha256 ?? "" } })).toBe(0);
    } finally {
      sweeper.kill();
    }
  }, 120_000);

  it("bounds costly reads: fifteen comparisons in one request are refused before any runs", async () => {
    const runs = await t.db.trainingRun.findMany({ select: { id: true } });
    const id = runs[0]?.id;
    const many = `{ ${Array.from({ length: 15 }, (_, i) => `c${i}: compareRuns(runA: "${id}", runB: "${id}") { reason }`).join(" ")} }`;
    const refused = await t.gql(many, {}, team.token);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const one = await t.gql(`{ compareRuns(runA: "${id}", runB: "${id}") { reason } }`, {}, team.token);
    expect(one.errors).toBeUndefined();
  });

  it("finds evidence through an index: a training image's nearest training image is itself", async () => {
    const image = await t.db.image.findFirstOrThrow({ where: { datasetId: team.datasetId, split: "TRAIN" } });
    const answer = await t.gql<{
      predict: { results: { evidence: { distance: number; image: { id: string } | null }[] }[] };
    }>(
      `mutation($e: ID!, $i: [ID!]) { predict(experimentId: $e, imageIds: $i) { results { ... on ImagePrediction {
        evidence { distance image { id } } } } } }`,
      { e: team.experimentId, i: [image.id] },
      team.token,
    );
    expect(answer.errors).toBeUndefined();
    const evidence = answer.data?.predict.results[0]?.evidence ?? [];
    expect(evidence).toHaveLength(3);
    expect(evidence[0]?.image?.id).toBe(image.id);
    expect(evidence[0]?.distance).toBeLessThan(1e-4);
  }, 60_000);
});
