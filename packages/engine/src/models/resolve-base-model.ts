import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { EngineError } from "../errors.js";
import { type BaseModelSpec, CATALOG, catalogEntry, type ModelFormat, type Normalization } from "./catalog.js";
import { type DownloadOptions, ensureModelCached } from "./model-cache.js";
import { declaredFormat, parseModelJson } from "./model-json.js";

export interface ResolveOptions {
  /** Folder where downloaded base models are kept. */
  cacheDir: string;
  /** How catalog and URL models are downloaded on first use: fetch, limits, progress. */
  download?: DownloadOptions;
  /** For custom models: the layer or node to cut at, the pixel range, a name. */
  bottleneck?: string;
  normalization?: Normalization;
}

export interface ResolvedBaseModel {
  spec: BaseModelSpec;
  /** Local folder holding model.json and shards. */
  dir: string;
}

/** The format model.json declares (or its topology shows, for TF Hub files that declare nothing). */
function formatIn(dir: string): ModelFormat {
  return declaredFormat(parseModelJson(readFileSync(path.join(dir, "model.json"), "utf8")));
}

/** A spec for a model that is not in the catalog; input size and feature dimension are read when it loads. */
function customSpec(id: string, url: string, format: ModelFormat, options: ResolveOptions): BaseModelSpec {
  return {
    id,
    name: `Custom model ${id}`,
    url,
    format,
    inputSize: 224,
    // Keras applications expect [-1, 1]; TF Hub image models [0, 1].
    normalization: options.normalization ?? (format === "graph" ? "[0,1]" : "[-1,1]"),
    bottleneck: options.bottleneck,
    featureDim: 0,
  };
}

const shortHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/**
 * Turns what a user names as a base model into a spec and a local folder: a catalog id (downloaded to the
 * cache on first use), an http(s) URL of a model.json (likewise), or a local folder with model.json.
 */
export async function resolveBaseModel(ref: string, options: ResolveOptions): Promise<ResolvedBaseModel> {
  const known = catalogEntry(ref);
  const download = options.download ?? {};
  if (known) {
    const spec = { ...known, bottleneck: options.bottleneck ?? known.bottleneck };
    return { spec, dir: await ensureModelCached(spec, options.cacheDir, download) };
  }
  if (/^https?:\/\//.test(ref)) {
    const provisional = customSpec(`url_${shortHash(ref)}`, ref, "layers", options);
    const dir = await ensureModelCached(provisional, options.cacheDir, download);
    return { spec: customSpec(provisional.id, ref, formatIn(dir), options), dir };
  }
  const dir = path.resolve(ref);
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    if (!existsSync(path.join(dir, "model.json"))) throw new EngineError(`${dir} has no model.json.`);
    const id = `${path.basename(dir).replace(/[^\w.-]/g, "_")}_${shortHash(dir)}`;
    return { spec: customSpec(id, `file://${dir}`, formatIn(dir), options), dir };
  }
  throw new EngineError(
    `Unknown base model "${ref}": use a catalog id (${CATALOG.map((m) => m.id).join(", ")}), the URL of a model.json, or a folder holding one.`,
  );
}
