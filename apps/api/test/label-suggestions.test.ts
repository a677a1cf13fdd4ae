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

  type GridImage = {
    id: string;
    originalName: string;
    suggestion: { label: string | null; confidence: number } | null;
  };
  const grid = async (variables: Record<string, unknown>) => {
    const answer = await t.gql<{ images: { totalCount: number; nodes: GridImage[] } }>(
      `query($d: ID!, $q: String, $s: ImageSort, $desc: Boolean, $c: ID, $o: Int, $u: Boolean, $n: Int, $a: String) {
        images(datasetId: $d, search: $q, sort: $s, descending: $desc, checkpointId: $c, offset: $o, unlabelled: $u,
          first: $n, after: $a) { totalCount nodes { id originalName suggestion { label confidence } } } }`,
      { d: team.datasetId, ...variables },
      team.token,
    );
    return answer;
  };

  it("the grid's view: search by name, sort by name either way, jump by offset", async () => {
    const byName = (await grid({ u: true, s: "NAME", n: 200 })).data?.images;
    const names = byName?.nodes.map((i) => i.originalName) ?? [];
    expect(byName?.totalCount).toBe(36);
    expect(names).toEqual([...truth.keys()].sort());
    const reversed = (await grid({ u: true, s: "NAME", desc: true, n: 200 })).data?.images.nodes;
    expect(reversed?.map((i) => i.originalName)).toEqual([...names].reverse());
    const jumped = (await grid({ u: true, s: "NAME", o: 30, n: 4 })).data?.images.nodes;
    expect(jumped?.map((i) => i.originalName)).toEqual(names.slice(30, 34));
    const needle = names[7]?.slice(2, 9).toUpperCase() ?? "";
    const found = (await grid({ q: needle, n: 200 })).data?.images;
    const expected = names.filter((n) => n.toUpperCase().includes(needle));
    expect(found?.nodes.map((i) => i.originalName).sort()).toEqual(expected);
    expect(found?.totalCount).toBe(expected.length);
  });

  it("sorted by a checkpoint's confidence, each image with its suggestion (as labelNext says)", async () => {
    const sure = (await grid({ u: true, s: "CONFIDENCE", desc: true, c: team.checkpointId, n: 200 })).data?.images;
    const confidences = sure?.nodes.map((i) => i.suggestion?.confidence ?? -1) ?? [];
    expect(confidences).toHaveLength(36);
    expect(confidences.every((c) => c > 0)).toBe(true);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    const unsure = (await grid({ u: true, s: "CONFIDENCE", c: team.checkpointId, n: 10 })).data?.images.nodes;
    expect(unsure?.map((i) => i.id)).toEqual(
      sure?.nodes
        .map((i) => i.id)
        .reverse()
        .slice(0, 10),
    );
    // Paged by cursor and by offset alike.
    const page2 = await grid({ u: true, s: "CONFIDENCE", c: team.checkpointId, n: 10, a: unsure?.at(-1)?.id });
    const offset2 = await grid({ u: true, s: "CONFIDENCE", c: team.checkpointId, n: 10, o: 10 });
    expect(page2.data?.images.nodes.map((i) => i.id)).toEqual(offset2.data?.images.nodes.map((i) => i.id));
    const next36 = (await next({ c: team.checkpointId, n: 36 })).data?.dataset.labelNext ?? [];
    for (const s of next36.filter((x) => x.label)) {
      const shown = sure?.nodes.find((i) => i.id === s.image?.id)?.suggestion;
      expect(shown?.label).toBe(s.label);
      expect(shown?.confidence).toBeCloseTo(s.confidence ?? 0, 5);
    }
  });

  it("says which argument is wrong: a confidence order without a checkpoint, an offset with a cursor", async () => {
    const noCheckpoint = await grid({ s: "CONFIDENCE" });
    expect(noCheckpoint.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "checkpointId" });
    const both = await grid({ o: 5, a: "x" });
    expect(both.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "offset" });
    const negative = await grid({ o: -1 });
    expect(negative.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "offset" });
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
    const strangerBad = await t.gql(ACCEPT, { d: team.datasetId, c: team.checkpointId, p: 1.5 }, outsider.token);
    expect(strangerBad.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("takes tokens by scope: PREDICT neither sees nor accepts, READ sees but may not accept", async () => {
    const token = async (scope: string) =>
      (
        await t.gql<{ createApiToken: { secret: string } }>(
          'mutation($s: TokenScope!) { createApiToken(name: "labelling", scope: $s) { secret } }',
          { s: scope },
          team.token,
        )
      ).data?.createApiToken.secret ?? "";
    const [predictOnly, readOnly] = [await token("PREDICT"), await token("READ")];
    expect((await next({ c: team.checkpointId, n: 3 }, predictOnly)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await next({ c: team.checkpointId, n: 3 }, readOnly)).data?.dataset.labelNext).toHaveLength(3);
    for (const scoped of [predictOnly, readOnly]) {
      const accept = await t.gql(ACCEPT, { d: team.datasetId, c: team.checkpointId, p: 0.9 }, scoped);
      expect(accept.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});
