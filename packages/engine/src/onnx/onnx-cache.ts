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

/**
 * The base model as an ONNX graph, converted once and kept in `<cacheDir>/onnx`, keyed by the weights' hash,
 * the cut point, the input size and normalisation (so a changed model file is converted again). A model the
 * converter cannot take (a graph model, an unknown layer) is remembered as such, with the reason.
 * Converting loads the model with TensorFlow.js, so call it where a backend is initialised.
 */
export async function ensureOnnxBaseModel(spec: BaseModelSpec, dir: string, cacheDir: string): Promise<OnnxConversion> {
  const { weightsHash, json } = await readModelFolder(dir);
  if (spec.format === "graph" || (json.format ?? "").includes("graph"))
    return { unsupported: "it is a graph model (TF Hub format), which the converter does not read" };
  const key = createHash("sha256")
    .update([weightsHash, spec.bottleneck ?? "", spec.inputSize, spec.normalization, `v${CONVERTER_VERSION}`].join("|"))
    .digest("hex")
    .slice(0, 24);
  const folder = path.join(cacheDir, "onnx");
  const file = path.join(folder, `${key}.onnx`);
  const meta = path.join(folder, `${key}.json`);
  if (existsSync(meta)) {
    const saved = JSON.parse(await readFile(meta, "utf8")) as { spec: BaseModelSpec } | { unsupported: string };
    if ("unsupported" in saved) return saved;
    if (existsSync(file)) return { path: file, spec: saved.spec, weightsHash };
  }
  await mkdir(folder, { recursive: true });
  const base = await loadBaseModel(spec, dir);
  try {
    if (!base.layers) return { unsupported: "it has no layers model to convert" };
    const bytes = baseModelToOnnx(base.layers, base.spec.inputSize, base.spec.normalization);
    await writeAtomically(file, bytes);
    await writeAtomically(meta, JSON.stringify({ spec: base.spec }));
    return { path: file, spec: base.spec, weightsHash };
  } catch (error) {
    if (!(error instanceof UnsupportedLayerError)) throw error;
    const unsupported = error.message;
    await writeAtomically(meta, JSON.stringify({ unsupported }));
    return { unsupported };
  } finally {
    base.dispose();
  }
}
