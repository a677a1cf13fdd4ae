// What one member can do to a team's work: delete it around the rules, fill the queue, store what the
// database cannot index, or delete files other workspaces share.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sharedDir } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const EXPERIMENT = `mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "e") { id } }`;
const START = "mutation($e: ID!) { startRun(experimentId: $e) { id status } }";
const DELETE_DATASET = "mutation($id: ID!) { deleteDataset(id: $id) }";

describe("a team's work", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let modelId: string;
  beforeAll(async () => {
    // No worker: runs stay queued, as they do while every worker is busy.
    t = await startTestApi({ settings: { MAX_ACTIVE_JOBS_PER_WORKSPACE: "3" } });
    owner = await workspaceWithDataset(t, "lead@example.com");
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>(
      "{ baseModels { id key } }",
      {},
      owner.token,
    );
    modelId = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id ?? "";
  });

  it("deleting a dataset with experiments needs what deleting them needs: ADMIN, and no run under way", async () => {
    const member = await t.join(owner.token, owner.workspaceId, "member@example.com", "MEMBER");
    const admin = await t.join(owner.token, owner.workspaceId, "admin@example.com", "ADMIN");
    const experiment = await t.gql<{ createExperiment: { id: string } }>(
      EXPERIMENT,
      { d: owner.datasetId, m: modelId },
      member.token,
    );
    const run = await t.gql<{ startRun: { id: string } }>(
      START,
      { e: experiment.data?.createExperiment.id },
      member.token,
    );
    expect(run.errors).toBeUndefined();

    const byMember = await t.gql(DELETE_DATASET, { id: owner.datasetId }, member.token);
    expect(code(byMember)).toBe("FORBIDDEN");
    expect(
      code(
        await t.gql(
          "mutation($id: ID!) { deleteExperiment(id: $id) }",
          { id: experiment.data?.createExperiment.id },
          member.token,
        ),
      ),
    ).toBe("FORBIDDEN");
    const whileRunning = await t.gql(DELETE_DATASET, { id: owner.datasetId }, admin.token);
    expect(code(whileRunning)).toBe("CONFLICT");
    expect(whileRunning.errors?.[0]?.message).toMatch(/cancel it first/);
    expect(await t.db.experiment.count({ where: { datasetId: owner.datasetId } })).toBe(1);

    await t.gql("mutation($id: ID!) { cancelRun(id: $id) { status } }", { id: run.data?.startRun.id }, member.token);
    expect(await t.gql(DELETE_DATASET, { id: owner.datasetId }, admin.token)).toEqual({
      data: { deleteDataset: true },
    });
    expect(await t.db.dataset.count({ where: { id: owner.datasetId } })).toBe(0);

    // A dataset without experiments stays a member's to delete.
    const empty = await t.gql<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "scratch") { id } }',
      { w: owner.workspaceId },
      member.token,
    );
    expect(await t.gql(DELETE_DATASET, { id: empty.data?.createDataset.id }, member.token)).toEqual({
      data: { deleteDataset: true },
    });
  });

  it("a workspace may hold only so much work at once: more is refused with QUOTA_EXCEEDED", async () => {
    const ds = await t.gql<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "busy") { id } }',
      { w: owner.workspaceId },
      owner.token,
    );
    const experiment = await t.gql<{ createExperiment: { id: string } }>(
      EXPERIMENT,
      { d: ds.data?.createDataset.id, m: modelId },
      owner.token,
    );
    const statuses: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(code(await t.gql(START, { e: experiment.data?.createExperiment.id }, owner.token)) ?? "QUEUED");
    expect(statuses).toEqual(["QUEUED", "QUEUED", "QUEUED", "QUOTA_EXCEEDED", "QUOTA_EXCEEDED"]);
    const extraction = await t.gql(
      "mutation($d: ID!, $m: ID!) { startExtraction(datasetId: $d, baseModelId: $m) { id } }",
      { d: ds.data?.createDataset.id, m: modelId },
      owner.token,
    );
    expect(code(extraction)).toBe("QUOTA_EXCEEDED");
    expect(await t.db.trainingRun.count({ where: { experimentId: experiment.data?.createExperiment.id } })).toBe(3);
    // Another workspace is not held up by this one.
    const other = await workspaceWithDataset(t, "elsewhere@example.com");
    const theirs = await t.gql<{ createExperiment: { id: string } }>(
      EXPERIMENT,
      { d: other.datasetId, m: modelId },
      other.token,
    );
    expect((await t.gql(START, { e: theirs.data?.createExperiment.id }, other.token)).errors).toBeUndefined();
  });

  it("a reviewed finding's key of any real length is stored; an absurd one is refused, not a server error", async () => {
    const ds = await workspaceWithDataset(t, "reviewer@example.com");
    const ids = Array.from({ length: 300 }, (_, i) => `clx${String(i).padStart(22, "0")}`);
    const REVIEW = "mutation($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }";
    const big = await t.gql(REVIEW, { d: ds.datasetId, k: `duplicate:${ids.join(",")}` }, ds.token);
    expect(big).toEqual({ data: { markFindingReviewed: true } });
    const absurd = await t.gql(REVIEW, { d: ds.datasetId, k: `duplicate:${"a".repeat(200_000)}` }, ds.token);
    expect(absurd.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "key" });
  });
});

describe("model files two workspaces share", () => {
  let server: http.Server;
  afterAll(() => server?.close());

  it("deleting one workspace keeps a URL model's download that another workspace uses", async () => {
    const cacheDir = path.join(os.tmpdir(), `shared-url-models-${process.pid}`);
    const t = await startTestApi({ modelCacheDir: cacheDir });
    const modelDir = path.join(sharedDir(), "models/mobilenet_v2_035_224_notop");
    server = http.createServer((req, res) => {
      readFile(path.join(modelDir, path.basename(req.url ?? ""))).then(
        (bytes) => res.end(bytes),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.json`;
    const REGISTER =
      'mutation($w: ID!, $u: String!) { registerBaseModel(workspaceId: $w, name: "net", url: $u) { id cached } }';
    const a = await workspaceWithDataset(t, "a@example.com");
    const b = await workspaceWithDataset(t, "b@example.com");
    for (const who of [a, b])
      expect((await t.gql(REGISTER, { w: who.workspaceId, u: url }, who.token)).data).toEqual({
        registerBaseModel: { id: expect.any(String), cached: true },
      });
    expect(await t.db.baseModel.count({ where: { sourceUrl: url } })).toBe(2);
    const downloads = (await readdir(cacheDir)).filter((d) => d.startsWith("url_"));
    expect(downloads).toHaveLength(1);
    const deleted = await t.gql(
      'mutation($w: ID!) { deleteWorkspace(id: $w, confirmName: "Lab") }',
      { w: a.workspaceId },
      a.token,
    );
    expect(deleted.errors).toBeUndefined();
    const theirs = await t.gql<{ baseModels: { name: string; cached: boolean }[] }>(
      "{ baseModels { name cached } }",
      {},
      b.token,
    );
    expect(theirs.data?.baseModels.find((m) => m.name === "net")?.cached).toBe(true);
    expect(existsSync(path.join(cacheDir, downloads[0] ?? "", "model.json"))).toBe(true);
  }, 60_000);
});
