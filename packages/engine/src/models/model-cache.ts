import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ModelUnavailableError } from "../errors.js";
import { type BaseModelSpec, modelJsonUrl } from "./catalog.js";
import { expectedGroupBytes, type ModelJson } from "./model-files.js";

export type Fetch = (url: string) => Promise<Response>;

/** Where a model's files live in the cache: one folder per model id. */
export function cachedModelDir(cacheDir: string, spec: Pick<BaseModelSpec, "id">): string {
  return path.join(cacheDir, spec.id.replace(/[^\w.-]/g, "_"));
}

/** True when the model's files were downloaded completely (the marker is written last). */
export function isCached(cacheDir: string, spec: Pick<BaseModelSpec, "id">): boolean {
  return existsSync(path.join(cachedModelDir(cacheDir, spec), "model.json"));
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file under the real name. */
async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

function shardUrl(spec: BaseModelSpec, shard: string): string {
  if (spec.fromTFHub) return `${spec.url.replace(/\/$/, "")}/${shard}?tfjs-format=file`;
  return new URL(shard, spec.url).toString();
}

async function download(fetchImpl: Fetch, url: string, dir: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw unavailable(url, dir, (error as Error).cause ? String((error as Error).cause) : (error as Error).message);
  }
  if (!response.ok) throw unavailable(url, dir, `HTTP ${response.status}`);
  return response;
}

function unavailable(url: string, dir: string, reason: string): ModelUnavailableError {
  return new ModelUnavailableError(
    `Cannot download ${url} (${reason}). To use this model without internet, put its model.json and weight ` +
      `files in ${dir} (for example from a machine that has downloaded them).`,
  );
}

/**
 * Makes sure the model's files are in the cache, downloading them on first use: every shard is checked
 * against the size model.json implies and written atomically; model.json goes last, so its presence means
 * a complete download. Returns the folder.
 */
export async function ensureModelCached(
  spec: BaseModelSpec,
  cacheDir: string,
  options: { fetch?: Fetch; onProgress?: (done: number, total: number) => void } = {},
): Promise<string> {
  const dir = cachedModelDir(cacheDir, spec);
  if (isCached(cacheDir, spec)) return dir;
  const fetchImpl = options.fetch ?? ((url: string) => fetch(url));
  await mkdir(dir, { recursive: true });
  const jsonText = await (await download(fetchImpl, modelJsonUrl(spec), dir)).text();
  const json = JSON.parse(jsonText) as ModelJson;
  const shards = json.weightsManifest.flatMap((g) => g.paths);
  const hash = createHash("sha256");
  let done = 0;
  for (const group of json.weightsManifest) {
    let groupBytes = 0;
    for (const shard of group.paths) {
      const bytes = new Uint8Array(await (await download(fetchImpl, shardUrl(spec, shard), dir)).arrayBuffer());
      await writeAtomically(path.join(dir, path.basename(shard)), bytes);
      hash.update(bytes);
      groupBytes += bytes.length;
      options.onProgress?.(++done, shards.length);
    }
    if (groupBytes !== expectedGroupBytes(group.weights)) {
      await rm(dir, { recursive: true, force: true });
      throw new ModelUnavailableError(
        `Download of ${spec.url} is incomplete: ${groupBytes} bytes of weights, expected ${expectedGroupBytes(group.weights)}.`,
      );
    }
  }
  await writeAtomically(
    path.join(dir, "source.json"),
    JSON.stringify({ url: spec.url, weightsHash: hash.digest("hex"), downloadedAt: new Date().toISOString() }, null, 2),
  );
  await writeAtomically(path.join(dir, "model.json"), jsonText);
  return dir;
}
