// What to label next and pre-labels, through the API with a real worker: a trained team uploads unlabelled
// photos, a health check computes their vectors, and the checkpoint orders them, suggests labels and labels
// the sure ones in bulk.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, type TrainedWorkspace } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { trainedTeam } from "./trained-team.js";
import { until, type WorkerProcess } from "./worker-process.js";

type Suggestion = {
  image: { id: string; originalName: string } | null;
  doubt: number;
  label: string | null;
  confidence: number | null;
};
const NEXT = `query($d: ID!, $c: ID, $m: ID, $n: Int) { dataset(id: $d) {
  labelNext(checkpointId: $c, baseModelId: $m, first: $n) { image { id originalName } doubt label confidence } } }`;
const ACCEPT = `mutation($d: ID!, $c: ID!, $p: Float!) {
  acceptSuggestedLabels(datasetId: $d, checkpointId: $c, minConfidence: $p) { label count } }`;

describe("what to label next, and pre-labels", () => {
  let t: TestApi;
  let team: TrainedWorkspace;
  let worker: WorkerProcess;
  let baseModelId: string;
  /** Unlabelled photos uploaded here, by name: what each really is. */
  const truth = new Map<string, string>();
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    ({ t, team, worker } = await trainedTeam("suggest@example.com"));
    // 12 photos of each class the team trained on, past the ones it trained with, uploaded without labels.
    const form = new FormData();
    for (const label of ["daisy", "sunflower", "tulip"]) {
      const dir = path.join(sharedDir(), "datasets/flowers_small", label);
      for (const name of (await readdir(dir)).sort().slice(40, 52)) {
        truth.set(name, label);
        form.append("files", new Blob([await readFile(path.join(dir, name))]), name);
      }
    }
    const url = t.api.url.replace(/\/graphql$/, `/v1/datasets/${team.datasetId}/images`);
    const uploaded = await fetch(url, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${team.token}` },
    });
    expect(uploaded.status).toBe(200);
    const experiment = await t.gql<{ experiment: { baseModelId: string } }>(
      "query($id: ID!) { experiment(id: $id) { baseModelId } }",
      { id: team.experimentId },
      team.token,
    );
    baseModelId = experiment.data?.experiment.baseModelId ?? "";
    const check = await t.gql<{ startHealthCheck: { id: string } }>(
      "mutation($d: ID!, $m: ID!) { startHealthCheck(datasetId: $d, baseModelId: $m) { id } }",
      { d: team.datasetId, m: baseModelId },
      team.token,
    );
    await until(
      "the health check (and its vectors)",
      async () => {
        const job = await t.gql<{ job: { status: string } }>(
          "query($id: ID!) { job(id: $id) { status } }",
          { id: check.data?.startHealthCheck.id },
          team.token,
        );
        return job.data?.job.status === "SUCCEEDED";
      },
      180_000,
    );
  }, 400_000);

  const next = async (variables: Record<string, unknown>, token = team.token) =>
    t.gql<{ dataset: { labelNext: Suggestion[] } }>(NEXT, { d: team.datasetId, ...variables }, token);

  it("lists every unlabelled photo once, with the checkpoint's doubt and mostly right suggestions", async () => {
    const answer = await next({ c: team.checkpointId, n: 36 });
    expect(answer.errors).toBeUndefined();
    const list = answer.data?.dataset.labelNext ?? [];
    expect(list).toHaveLength(36);
    expect(new Set(list.map((s) => s.image?.id)).size).toBe(36);
    expect(list.every((s) => truth.has(s.image?.originalName ?? ""))).toBe(true); // only unlabelled photos
    for (const s of list) {
      expect(s.doubt).toBeGreaterThanOrEqual(0);
      expect(s.doubt).toBeLessThanOrEqual(1);
    }
    const suggested = list.filter((s) => s.label !== null);
    const right = suggested.filter((s) => s.label === truth.get(s.image?.originalName ?? "")).length;
    expect(suggested.length).toBeGreaterThan(18);
    expect(right / suggested.length).toBeGreaterThan(0.75);
  });

  it("without a checkpoint, orders by distance from a base model's vectors; with neither, says what to give", async () => {
    const spread = await next({ m: baseModelId, n: 10 });
    expect(spread.data?.dataset.labelNext.map((s) => [s.doubt, s.label])).toEqual(Array(10).fill([1, null]));
    const neither = await next({ n: 10 });
    expect(neither.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "baseModelId" });
  });

  it("accepts the sure suggestions in bulk: those labels, on those photos only", async () => {
    const before = (await next({ c: team.checkpointId, n: 36 })).data?.dataset.labelNext ?? [];
    const sure = before.filter((s) => s.label && (s.confidence ?? 0) >= 0.8);
    const accepted = await t.gql<{ acceptSuggestedLabels: { label: string; count: number }[] }>(
      ACCEPT,
      { d: team.datasetId, c: team.checkpointId, p: 0.8 },
      team.token,
    );
    expect(accepted.errors).toBeUndefined();
    const counts = accepted.data?.acceptSuggestedLabels ?? [];
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(sure.length);
    const images = await t.db.image.findMany({
      where: { id: { in: sure.map((s) => s.image?.id ?? "") } },
      include: { label: true },
    });
    for (const image of images) expect(image.label?.name).toBe(sure.find((s) => s.image?.id === image.id)?.label);
    const left = (await next({ c: team.checkpointId, n: 36 })).data?.dataset.labelNext ?? [];
    expect(left).toHaveLength(36 - sure.length);
  });

  it("is a reader's to see and a member's to accept; outsiders learn nothing", async () => {
    const viewer = await t.join(team.token, team.workspaceId, "viewer-suggest@example.com", "VIEWER");
    const outsider = await t.signUp("outsider-suggest@example.com");
    expect((await next({ c: team.checkpointId, n: 3 }, viewer.token)).errors).toBeUndefined();
    const refused = await t.gql(ACCEPT, { d: team.datasetId, c: team.checkpointId, p: 0.5 }, viewer.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const stranger = await next({ c: team.checkpointId, n: 3 }, outsider.token);
    expect(stranger.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const badConfidence = await t.gql(ACCEPT, { d: team.datasetId, c: team.checkpointId, p: 1.5 }, team.token);
    expect(badConfidence.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "minConfidence" });
  });
});
