// Custom base models: registered from a URL (a local HTTP server standing in for the web) or uploaded
// files, checked by loading them, and visible to their workspace only.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sharedDir } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { workspaceWithDataset } from "./fixtures.js";

const REGISTER = `mutation($w: ID!, $name: String!, $url: String, $files: [ModelFileInput!]) {
  registerBaseModel(workspaceId: $w, name: $name, url: $url, files: $files) { id key name inputSize featureDim cached weightsHash } }`;
const modelDir = () => path.join(sharedDir(), "models/mobilenet_v2_035_224_notop");

describe("custom base models", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let server: http.Server;
  let baseUrl: string;
  afterAll(() => server?.close());

  beforeAll(async () => {
    t = await startTestApi({ modelCacheDir: path.join(os.tmpdir(), `custom-models-${process.pid}`) });
    owner = await workspaceWithDataset(t, "modeller@example.com");
    server = http.createServer(async (req, res) => {
      const file = path.join(modelDir(), path.basename(req.url ?? ""));
      readFile(file).then(
        (bytes) => res.end(bytes),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  it("registers a model.json URL: downloaded, loaded, its size and vector length learned", async () => {
    const result = await t.gql<{ registerBaseModel: { inputSize: number; featureDim: number; cached: boolean } }>(
      REGISTER,
      { w: owner.workspaceId, name: "My MobileNet", url: `${baseUrl}/model.json` },
      owner.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerBaseModel).toMatchObject({ inputSize: 224, featureDim: 1280, cached: true });
  }, 60_000);

  it("registers uploaded files, and lists them for the workspace only", async () => {
    const files = await Promise.all(
      (await readdir(modelDir())).map(async (f) => ({
        path: f,
        base64: (await readFile(path.join(modelDir(), f))).toString("base64"),
      })),
    );
    const result = await t.gql<{ registerBaseModel: { id: string; featureDim: number; weightsHash: string } }>(
      REGISTER,
      { w: owner.workspaceId, name: "Uploaded", files },
      owner.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerBaseModel.featureDim).toBe(1280);
    const mine = await t.gql<{ baseModels: { name: string }[] }>("{ baseModels { name } }", {}, owner.token);
    expect(mine.data?.baseModels.map((m) => m.name)).toEqual(expect.arrayContaining(["My MobileNet", "Uploaded"]));
    const other = await t.signUp("other@example.com");
    const theirs = await t.gql<{ baseModels: { name: string }[] }>("{ baseModels { name } }", {}, other.token);
    expect(theirs.data?.baseModels.map((m) => m.name)).not.toContain("Uploaded");
  }, 60_000);

  it("refuses what cannot be a model, naming the field, and keeps nothing", async () => {
    const count = await t.db.baseModel.count();
    const cases = [
      [{ files: [{ path: "model.json", base64: Buffer.from("{not json").toString("base64") }] }, /not valid JSON/],
      [
        {
          files: [
            {
              path: "model.json",
              base64: Buffer.from('{"modelTopology":{},"weightsManifest":[{"paths":["a.bin"],"weights":[]}]}').toString(
                "base64",
              ),
            },
          ],
        },
        /a\.bin/,
      ],
      [{ files: [{ path: "../model.json", base64: "" }] }, /plain file name/],
      [{ files: [{ path: "model.json", base64: Buffer.from("{}").toString("base64") }] }, /no modelTopology/],
      [{ url: `${baseUrl}/missing.json` }, /./],
      [{}, /either/],
    ] as const;
    for (const [input, message] of cases) {
      const result = await t.gql(REGISTER, { w: owner.workspaceId, name: "Bad", ...input }, owner.token);
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await t.db.baseModel.count()).toBe(count);
    const outsider = (await t.signUp("nosy@example.com")).token;
    const denied = await t.gql(REGISTER, { w: owner.workspaceId, name: "X", url: `${baseUrl}/model.json` }, outsider);
    expect(denied.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  }, 60_000);

  it("deletes a workspace's own model no experiment uses, with its files; catalog models and used ones stay", async () => {
    const DELETE = "mutation($id: ID!) { deleteBaseModel(id: $id) }";
    const list = await t.gql<{ baseModels: { id: string; key: string; name: string }[] }>(
      "{ baseModels { id key name } }",
      {},
      owner.token,
    );
    const catalog = list.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224");
    const uploaded = list.data?.baseModels.find((m) => m.name === "Uploaded");
    if (!catalog || !uploaded) throw new Error("the models of the tests above are missing");
    expect((await t.gql(DELETE, { id: catalog.id }, owner.token)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const experiment = await t.gql<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "uses it") { id } }',
      { d: owner.datasetId, m: uploaded.id },
      owner.token,
    );
    const inUse = await t.gql(DELETE, { id: uploaded.id }, owner.token);
    expect(inUse.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const viewer = (await t.join(owner.token, owner.workspaceId, "watcher@example.com", "VIEWER")).token;
    expect((await t.gql(DELETE, { id: uploaded.id }, viewer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    await t.gql(
      "mutation($id: ID!) { deleteExperiment(id: $id) }",
      { id: experiment.data?.createExperiment.id },
      owner.token,
    );
    const key = (await t.db.baseModel.findUnique({ where: { id: uploaded.id } }))?.key ?? "";
    expect((await t.gql(DELETE, { id: uploaded.id }, owner.token)).data).toEqual({ deleteBaseModel: true });
    expect(await t.db.baseModel.count({ where: { id: uploaded.id } })).toBe(0);
    expect(existsSync(path.join(os.tmpdir(), `custom-models-${process.pid}`, key))).toBe(false);
    const activity = await t.db.activity.findMany({ where: { workspaceId: owner.workspaceId } });
    expect(activity.map((a) => a.verb)).toEqual(expect.arrayContaining(["experiment.deleted", "base_model.deleted"]));
  }, 60_000);
});
