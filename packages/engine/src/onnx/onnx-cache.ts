import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadBaseModel } from "../models/base-model.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { readModelFolder } from "../models/model-files.js";
import { baseModelToOnnx } from "./base-model-graph.js";
import { UnsupportedLayerError } from "./convert-model.js";

/** Changes whenever the converter's output would: cached graphs of older converters are not reused. */
const CONVERTER_VERSION = 1;

/** A converted base model: its ONNX file and what the graph takes and gives. */
export interface OnnxBaseModel {
  path: string;
  spec: BaseModelSpec;
  weightsHash: string;
}

export type OnnxConversion = OnnxBaseModel | { unsupported: string };

async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** What `<key>.json` beside a converted graph records: enough to refuse a file that is not what it claims. */
type CacheEntry =
  | { spec: BaseModelSpec; modelHash: string; onnxSha256: string }
  | { unsupported: string; modelHash: string };

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * The cached graph, if its record names this very model and the file's bytes are the ones written: a file
 * replaced or truncated on disk, or a record left by another model, is converted again instead of trusted.
 */
async function cachedEntry(meta: string, file: string, modelHash: string): Promise<CacheEntry | null> {
  if (!existsSync(meta)) return null;
  const saved = JSON.parse(await readFile(meta, "utf8")) as Partial<CacheEntry>;
  if (saved.modelHash !== modelHash) return null;
  if ("unsupported" in saved) return saved as CacheEntry;
  if (!("onnxSha256" in saved) || !existsSync(file)) return null;
  return sha256(await readFile(file)) === saved.onnxSha256 ? (saved as CacheEntry) : null;
}

/**
 * The base model as an ONNX graph, converted once and kept in `<cacheDir>/onnx`. The key covers everything
 * that defines the graph: model.json's bytes and the weights (their `modelHash`), the cut point, the input
 * size, the normalisation and the converter's version. Folders of different models share the cache (a
 * catalog model and a workspace's upload), so a model with a catalog model's weights but an edited topology
 * must never land on the catalog model's entry, and an entry is checked against its record when loaded.
 * A model the converter cannot take is remembered as such, with the reason. Converting loads the model with
 * TensorFlow.js, so call it where a backend is initialised.
 */
export async function ensureOnnxBaseModel(spec: BaseModelSpec, dir: string, cacheDir: string): Promise<OnnxConversion> {
  const { weightsHash, modelHash, json } = await readModelFolder(dir);
  if (spec.format === "graph" || (json.format ?? "").includes("graph"))
    return { unsupported: "it is a graph model (TF Hub format), which the converter does not read" };
  const key = sha256(
    [modelHash, spec.bottleneck ?? "", spec.inputSize, spec.normalization, `v${CONVERTER_VERSION}`].join("|"),
  ).slice(0, 32);
  const folder = path.join(cacheDir, "onnx");
  const file = path.join(folder, `${key}.onnx`);
  const meta = path.join(folder, `${key}.json`);
  const cached = await cachedEntry(meta, file, modelHash);
  if (cached)
    return "unsupported" in cached
      ? { unsupported: cached.unsupported }
      : { path: file, spec: cached.spec, weightsHash };
  await mkdir(folder, { recursive: true });
  const base = await loadBaseModel(spec, dir);
  try {
    if (!base.layers) return { unsupported: "it has no layers model to convert" };
    const bytes = baseModelToOnnx(base.layers, base.spec.inputSize, base.spec.normalization);
    await writeAtomically(file, bytes);
    const entry: CacheEntry = { spec: base.spec, modelHash, onnxSha256: sha256(bytes) };
    await writeAtomically(meta, JSON.stringify(entry));
    return { path: file, spec: base.spec, weightsHash };
  } catch (error) {
    if (!(error instanceof UnsupportedLayerError)) throw error;
    const unsupported = error.message;
    await writeAtomically(meta, JSON.stringify({ unsupported, modelHash } satisfies CacheEntry));
    return { unsupported };
  } finally {
    base.dispose();
  }
}
