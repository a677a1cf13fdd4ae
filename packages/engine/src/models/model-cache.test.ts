import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeTinyBaseModel } from "../../test/fixtures.js";
import { InvalidModelError, ModelUnavailableError } from "../errors.js";
import type { BaseModelSpec } from "./catalog.js";
import { ensureModelCached } from "./model-cache.js";
import { readModelFolder } from "./model-files.js";
import { DEFAULT_MODEL_LIMITS } from "./model-limits.js";

/** Serves a model folder over HTTP on loopback, counting requests, optionally cutting a shard short. */
async function serveFolder(dir: string, options: { truncate?: boolean; modelJson?: string } = {}) {
  let requests = 0;
  const server = http.createServer(async (req, res) => {
    requests++;
    const file = path.join(dir, path.basename(new URL(req.url ?? "/", "http://x").pathname));
    const served =
      file.endsWith("model.json") && options.modelJson !== undefined ? Buffer.from(options.modelJson) : null;
    const body = served ?? (await readFile(file).catch(() => undefined));
    if (!body) return res.writeHead(404).end();
    res.writeHead(200).end(options.truncate && file.endsWith(".bin") ? body.subarray(0, body.length - 8) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/model.json`, requests: () => requests, close: () => server.close() };
}

const spec = (url: string, id = "tiny"): BaseModelSpec => ({
  id,
  name: "tiny",
  url,
  format: "layers",
  inputSize: 32,
  normalization: "[-1,1]",
  featureDim: 16,
});

describe("model cache", () => {
  let source: string;
  const servers: { close(): void }[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });
  beforeAll(async () => {
    source = await tempDir("model-src");
    await writeTinyBaseModel(source);
  });

  it("downloads on first use, then loads from disk without asking again", async () => {
    const server = await serveFolder(source);
    servers.push(server);
    const cache = await tempDir("cache");
    const dir = await ensureModelCached(spec(server.url), cache);
    expect(server.requests()).toBe(2); // model.json and weights.bin
    expect((await readdir(dir)).sort()).toEqual(["model.json", "source.json", "weights.bin"]);
    const recorded = JSON.parse(await readFile(path.join(dir, "source.json"), "utf8"));
    expect(recorded.weightsHash).toBe((await readModelFolder(source)).weightsHash);
    await ensureModelCached(spec(server.url), cache);
    expect(server.requests()).toBe(2);
  });

  it("refuses a shard of the wrong size and leaves nothing half-written", async () => {
    const server = await serveFolder(source, { truncate: true });
    servers.push(server);
    const cache = await tempDir("cache");
    await expect(ensureModelCached(spec(server.url), cache)).rejects.toThrow(/incomplete/);
    await expect(stat(path.join(cache, "tiny", "model.json"))).rejects.toThrow();
  });

  it("offline with an empty cache: names the URL and where to put the files", async () => {
    const cache = await tempDir("cache");
    const offline = () =>
      Promise.reject(new TypeError("fetch failed", { cause: "getaddrinfo ENOTFOUND storage.googleapis.com" }));
    const error = await ensureModelCached(spec("https://storage.googleapis.com/x/model.json", "x"), cache, {
      fetch: offline,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toContain("https://storage.googleapis.com/x/model.json");
    expect((error as Error).message).toContain(path.join(cache, "x"));
  });

  it("a model folder with a shard cut short is reported, not loaded", async () => {
    const broken = await tempDir("broken");
    await writeTinyBaseModel(broken);
    const weights = await readFile(path.join(broken, "weights.bin"));
    await writeFile(path.join(broken, "weights.bin"), weights.subarray(0, 100));
    await expect(readModelFolder(broken)).rejects.toThrow(/incomplete/);
  });

  describe("refuses what model.json declares before fetching any shard, and keeps nothing of it", () => {
    const refused = async (modelJson: string | undefined, limits = DEFAULT_MODEL_LIMITS) => {
      const server = await serveFolder(source, { modelJson });
      servers.push(server);
      const cache = await tempDir("cache");
      const error = await ensureModelCached(spec(server.url), cache, { limits }).catch((e: unknown) => e);
      expect(await readdir(cache)).toEqual([]);
      return { error: error as Error, requests: server.requests() };
    };
    const manifest = async () => JSON.parse(await readFile(path.join(source, "model.json"), "utf8"));

    it.each([
      ["{}", /has no modelTopology/],
      ["[1, 2]", /not a JSON object/],
      ["not json", /not valid JSON/],
      ['{"modelTopology": {}, "weightsManifest": [{"paths": [7]}]}', /weightsManifest is missing or malformed/],
    ])("not a model (%s)", async (text, reason) => {
      const { error, requests } = await refused(text);
      expect(error).toBeInstanceOf(InvalidModelError);
      expect(error.message).toMatch(reason);
      expect(requests).toBe(1);
    });

    it("a shard on another origin", async () => {
      const json = await manifest();
      json.weightsManifest[0].paths = ["http://169.254.169.254/latest/meta-data"];
      const { error, requests } = await refused(JSON.stringify(json));
      expect(error.message).toMatch(/on another site/);
      expect(requests).toBe(1);
    });

    it("more parameters, layers or bytes than allowed", async () => {
      const limits = (over: Partial<typeof DEFAULT_MODEL_LIMITS>) => ({ ...DEFAULT_MODEL_LIMITS, ...over });
      expect((await refused(undefined, limits({ maxParameters: 100 }))).error.message).toMatch(
        /parameters; at most 100/,
      );
      expect((await refused(undefined, limits({ maxLayers: 2 }))).error.message).toMatch(/layers; at most 2/);
      expect((await refused(undefined, limits({ bytesPerModel: 1000 }))).error.message).toMatch(/weights are/);
      expect((await refused(undefined, limits({ bytesPerFile: 100 }))).error.message).toMatch(/per file/);
    });
  });
});
