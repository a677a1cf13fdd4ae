// Base models from a URL: the server must not become a way into its own network (SSRF), and what a
// model.json declares is checked before anything of it is fetched or loaded.
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";
import { countingServer } from "./counting-server.js";

const REGISTER = 'mutation($w: ID!, $url: String) { registerBaseModel(workspaceId: $w, name: "M", url: $url) { id } }';
type Refusal = { errors?: { message: string; extensions?: { code?: string; field?: string; stacktrace?: unknown } }[] };

describe("base model URLs on a server that trusts no internal host", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let modelCacheDir: string;
  beforeAll(async () => {
    modelCacheDir = await mkdtemp(path.join(os.tmpdir(), "ssrf-models-"));
    t = await startTestApi({ modelCacheDir, settings: { MODEL_URL_ALLOW: "" } });
    owner = await workspaceWithDataset(t, "ssrf@example.com");
  });
  const register = (url: string) => t.gql(REGISTER, { w: owner.workspaceId, url }, owner.token) as Promise<Refusal>;

  it.each([
    ["loopback", "http://127.0.0.1:PORT/model.json"],
    ["loopback by name", "http://localhost:PORT/model.json"],
    ["IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]:PORT/model.json"],
    ["IPv6 loopback", "http://[::1]:PORT/model.json"],
    ["private", "http://10.20.30.40:PORT/model.json"],
    ["link-local (cloud metadata)", "http://169.254.169.254/latest/meta-data/"],
  ])("refuses a %s address before any connection, naming the URL but no address or folder", async (_k, template) => {
    const host = await countingServer();
    const url = template.replace("PORT", String(host.port));
    const result = await register(url);
    const error = result.errors?.[0];
    expect(error?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "url" });
    expect(error?.message).toContain(url);
    expect(error?.message).toMatch(/not on the public internet/);
    expect(error?.message).not.toContain(modelCacheDir);
    expect(error?.message).not.toMatch(/ECONN|at .*\.ts|\/work\/|node_modules/);
    expect(host.connections()).toBe(0);
  });

  it("nothing of a refused model is kept: no row, no files", async () => {
    expect(await t.db.baseModel.count({ where: { workspaceId: owner.workspaceId } })).toBe(0);
    expect(await readdir(modelCacheDir)).toEqual([]);
  });
});

describe("base model URLs from hosts the operator allows", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let modelCacheDir: string;
  beforeAll(async () => {
    modelCacheDir = await mkdtemp(path.join(os.tmpdir(), "allowed-models-"));
    t = await startTestApi({
      modelCacheDir,
      settings: { MODEL_URL_ALLOW: "127.0.0.1", MODEL_MAX_PARAMETERS: "1000000" },
    });
    owner = await workspaceWithDataset(t, "allowed@example.com");
  });
  const register = (url: string) => t.gql(REGISTER, { w: owner.workspaceId, url }, owner.token) as Promise<Refusal>;
  const manifest = (paths: string[], shape = [10, 10]) =>
    JSON.stringify({
      format: "layers-model",
      modelTopology: { class_name: "Sequential", config: { layers: [] } },
      weightsManifest: [{ paths, weights: [{ name: "w", shape, dtype: "float32" }] }],
    });

  it("checks every redirect hop: an allowed host that redirects to loopback by another name is refused", async () => {
    const inside = await countingServer();
    const allowed = await countingServer((_req, res) =>
      res.writeHead(302, { location: `http://localhost:${inside.port}/model.json` }).end(),
    );
    const result = await register(allowed.url());
    expect(result.errors?.[0]?.message).toMatch(/not on the public internet/);
    expect(inside.connections()).toBe(0);
  });

  it("fetches shards only from model.json's own origin", async () => {
    const elsewhere = await countingServer();
    const host = await countingServer((_req, res) => res.end(manifest([`http://localhost:${elsewhere.port}/w.bin`])));
    const result = await register(host.url());
    expect(result.errors?.[0]?.extensions?.field).toBe("url");
    expect(result.errors?.[0]?.message).toMatch(/another site/);
    expect(elsewhere.connections()).toBe(0);
  });

  it("answers BAD_USER_INPUT for a model.json that is not a model, saying why", async () => {
    const host = await countingServer((_req, res) => res.end("{}"));
    const result = await register(host.url());
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "url" });
    expect(result.errors?.[0]?.message).toMatch(/not a TensorFlow\.js model: it has no modelTopology/);
  });

  it("refuses a model declaring more parameters than allowed before fetching any shard", async () => {
    const host = await countingServer((req, res) =>
      res.end(req.url === "/model.json" ? manifest(["w.bin"], [2000, 2000]) : ""),
    );
    const result = await register(host.url());
    expect(result.errors?.[0]?.message).toMatch(/4,000,000 parameters; at most 1,000,000/);
    expect(host.paths).toEqual(["/model.json"]);
    expect(await readdir(modelCacheDir)).toEqual([]);
  });
});
