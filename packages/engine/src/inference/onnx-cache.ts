import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatOf } from "../formats/formats.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { type LoadedModelFiles, readModelFolder } from "../models/model-files.js";
import { UnsupportedConversionError } from "../onnx/conversion-errors.js";
import { encodeModel, OnnxGraph } from "../onnx/onnx-graph.js";
import { output, pixelInput } from "../onnx/pixel-input.js";

/** Changes whenever the converter's output would: cached graphs of older converters are not reused. */
const CONVERTER_VERSION = 2;

/** A converted base model: its ONNX file and what the graph takes and gives. */
export interface OnnxBaseModel {
  path: string;
  spec: BaseModelSpec;
  weightsHash: string;
  /** Floating-point operations of one image through the network (for benchmarks' GFLOP/s). */
  flops: number;
}

export type OnnxConversion = OnnxBaseModel | { unsupported: string };

async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** What `<key>.json` beside a converted graph records: enough to refuse a file that is not what it claims. */
type CacheEntry =
  | { spec: BaseModelSpec; modelHash: string; onnxSha256: string; flops: number }
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

/** The base model cut at its bottleneck as one ONNX model: uint8 pixels in, pooled vectors out. */
async function convert(
  spec: BaseModelSpec,
  files: LoadedModelFiles,
): Promise<{ bytes: Uint8Array; spec: BaseModelSpec; flops: number }> {
  const graph = new OnnxGraph();
  graph.name("pixels");
  const input = pixelInput(graph, spec.inputSize, spec.normalization);
  const converted = await formatOf(files.json).emitOnnx(graph, spec, files, input);
  output(graph, converted.features, "features");
  const size = converted.spec.inputSize;
  const bytes = encodeModel(graph, {
    name: spec.id,
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", size, size, 3] }],
    outputs: [{ name: "features", type: "float32", shape: ["n", converted.spec.featureDim] }],
  });
  return { bytes, spec: converted.spec, flops: graph.flops };
}

/**
 * The base model as an ONNX graph, converted once and kept in `<cacheDir>/onnx`, whatever its format. The key
 * covers everything that defines the graph: model.json's bytes and the weights (their `modelHash`), the cut
 * point, the input size, the normalisation and the converter's version. Folders of different models share
 * the cache (a catalog model and a workspace's upload), so a model with a catalog model's weights but an
 * edited topology must never land on the catalog model's entry, and an entry is checked against its record
 * when loaded. A model the converter cannot take is remembered as such, with the reason. Converting a layers
 * model loads it with TensorFlow.js, so call it where a backend is initialised.
 */
export async function ensureOnnxBaseModel(spec: BaseModelSpec, dir: string, cacheDir: string): Promise<OnnxConversion> {
  const files = await readModelFolder(dir);
  const { weightsHash, modelHash } = files;
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
      : { path: file, spec: cached.spec, weightsHash, flops: cached.flops };
  await mkdir(folder, { recursive: true });
  try {
    const converted = await convert(spec, files);
    await writeAtomically(file, converted.bytes);
    const { spec: resolved, flops } = converted;
    const entry: CacheEntry = { spec: resolved, modelHash, onnxSha256: sha256(converted.bytes), flops };
    await writeAtomically(meta, JSON.stringify(entry));
    return { path: file, spec: resolved, weightsHash, flops };
  } catch (error) {
    if (!(error instanceof UnsupportedConversionError)) throw error;
    const unsupported = error.message;
    await writeAtomically(meta, JSON.stringify({ unsupported, modelHash } satisfies CacheEntry));
    return { unsupported };
  }
}
