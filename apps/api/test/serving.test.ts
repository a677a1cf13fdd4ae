// Learning from what it serves: summaries per alias with a drift alert, and the review queue of kept images
// answered "don't know" or narrowly, labelled back into the dataset. A real worker trains the checkpoint.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, type TrainedWorkspace, until } from "@retrain/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { trainedTeam } from "./trained-team.js";
import type { WorkerProcess } from "./worker-process.js";

const PREDICT = `mutation($e: ID!, $imgs: [PredictImageInput!], $keep: Boolean) {
  predict(experimentId: $e, images: $imgs, keep: $keep) { kept results { unknown top { label } } } }`;
const SUMMARY = `query($e: ID!) { experiment(id: $e) { serving { alias psi threshold drift recentPredictions
  days { count unknown meanConfidence labels { label count } } shares { label training served } } } }`;
const QUEUE = `query($w: ID!) { workspace(id: $w) { reviewQueue(first: 10) { nodes {
  id unknown label margin kept thumbnailDataUrl } } } }`;

async function photos(label: string, count: number) {
  const dir = path.join(sharedDir(), "datasets/flowers_small", label);
  const names = (await readdir(dir)).sort().slice(-count); // the last ones: not among those trained on
  return Promise.all(
    names.map(async (name) => ({ name, base64: (await readFile(path.join(dir, name))).toString("base64") })),
  );
}

describe("what an alias serves", () => {
  let t: TestApi;
  let team: TrainedWorkspace;
  let worker: WorkerProcess;
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    ({ t, team, worker } = await trainedTeam("server@example.com"));
  }, 300_000);

  it("summarises the alias per day and raises drift when its answers leave the training distribution", async () => {
    const sunflowers = await photos("sunflower", 40);
    const answer = await t.gql(PREDICT, { e: team.experimentId, imgs: sunflowers }, team.token);
    expect(answer.errors).toBeUndefined();
    await until("40 logged", async () => (await t.db.prediction.count({ where: { alias: "production" } })) >= 40);
    const { data } = await t.gql<{
      experiment: {
        serving: {
          psi: number | null;
          threshold: number;
          drift: boolean;
          recentPredictions: number;
          days: { count: number; unknown: number; labels: { label: string; count: number }[] }[];
          shares: { label: string; training: number; served: number }[];
        };
      };
    }>(SUMMARY, { e: team.experimentId }, team.token);
    const serving = data?.experiment.serving;
    expect(serving?.days).toHaveLength(1);
    expect(serving?.days[0]?.count).toBe(40);
    const answered = serving?.days[0]?.labels.reduce((n, l) => n + l.count, 0) ?? 0;
    expect(answered + (serving?.days[0]?.unknown ?? 0)).toBe(40);
    // Trained on thirds of daisy, sunflower and tulip; served nothing but sunflowers.
    expect(serving?.shares.find((s) => s.label === "sunflower")?.training).toBeCloseTo(1 / 3, 1);
    expect(answered).toBeGreaterThanOrEqual(30); // enough answers to judge
    expect(serving?.drift).toBe(true);
    expect(serving?.psi).toBeGreaterThan(serving?.threshold ?? 1);
  });

  it("keeps images only when the workspace allows it, queues the unsure ones, and labels them into the dataset", async () => {
    const pattern = await sharp(Buffer.from(Array.from({ length: 96 * 96 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 96, height: 96, channels: 3 },
    })
      .png()
      .toBuffer();
    const img = [{ name: "pattern.png", base64: pattern.toString("base64") }];
    const refused = await t.gql<{ predict: { kept: boolean } }>(
      PREDICT,
      { e: team.experimentId, imgs: img, keep: true },
      team.token,
    );
    expect(refused.data?.predict.kept).toBe(false);
    const allow = "mutation($w: ID!) { setKeepServedImages(workspaceId: $w, keep: true) { keepServedImages } }";
    expect((await t.gql(allow, { w: team.workspaceId }, team.token)).errors).toBeUndefined();
    const kept = await t.gql<{ predict: { kept: boolean; results: { unknown: boolean }[] } }>(
      PREDICT,
      { e: team.experimentId, imgs: img, keep: true },
      team.token,
    );
    expect(kept.data?.predict).toMatchObject({ kept: true, results: [{ unknown: true }] });

    type Queue = {
      workspace: { reviewQueue: { nodes: { id: string; unknown: boolean; thumbnailDataUrl: string | null }[] } };
    };
    const queued = await until("the kept image queued", async () => {
      const nodes = (await t.gql<Queue>(QUEUE, { w: team.workspaceId }, team.token)).data?.workspace.reviewQueue.nodes;
      return nodes?.length ? nodes : undefined;
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]?.thumbnailDataUrl).toMatch(/^data:image\/webp;base64,/);

    const viewer = (await t.join(team.token, team.workspaceId, "reviewer-viewer@example.com", "VIEWER")).token;
    const LABEL =
      'mutation($p: ID!) { labelServedPrediction(predictionId: $p, label: "not a flower") { imageId status } }';
    expect((await t.gql(LABEL, { p: queued[0]?.id }, viewer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const before = await t.db.image.count({ where: { datasetId: team.datasetId } });
    const labelled = await t.gql<{ labelServedPrediction: { imageId: string; status: string } }>(
      LABEL,
      { p: queued[0]?.id },
      team.token,
    );
    expect(labelled.data?.labelServedPrediction.status).toBe("ACCEPTED");
    const image = await t.db.image.findUniqueOrThrow({
      where: { id: labelled.data?.labelServedPrediction.imageId },
      include: { label: true },
    });
    expect(image).toMatchObject({ datasetId: team.datasetId, split: "TRAIN", label: { name: "not a flower" } });
    expect(await t.db.image.count({ where: { datasetId: team.datasetId } })).toBe(before + 1);
    expect((await t.gql<Queue>(QUEUE, { w: team.workspaceId }, team.token)).data?.workspace.reviewQueue.nodes).toEqual(
      [],
    );

    const outsider = (await t.signUp("queue-outsider@example.com")).token;
    expect((await t.gql(QUEUE, { w: team.workspaceId }, outsider)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
