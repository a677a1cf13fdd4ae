import type * as tf from "@tensorflow/tfjs";
import { InvalidModelError } from "../errors.js";

/** model.json as TensorFlow.js writes it: a topology and a manifest of weight shard files. */
export interface ModelJson {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: unknown;
  userDefinedMetadata?: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

const DTYPE_BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
  string: 0,
};

/** Bytes one manifest group's shards must add up to, from its weight shapes and dtypes (and quantization). */
export function expectedGroupBytes(weights: tf.io.WeightsManifestEntry[]): number {
  return weights.reduce((sum, w) => {
    const count = w.shape.reduce((a, b) => a * b, 1);
    return sum + count * (DTYPE_BYTES[w.quantization?.dtype ?? w.dtype] ?? 4);
  }, 0);
}

/** Parses model.json text, refusing what is not a TensorFlow.js model with a reason a user can act on. */
export function parseModelJson(text: string): ModelJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidModelError("model.json is not valid JSON");
  }
  const model = json as Partial<ModelJson> | null;
  if (!model || typeof model !== "object" || Array.isArray(model))
    throw new InvalidModelError("model.json is not a TensorFlow.js model (it is not a JSON object)");
  if (!model.modelTopology || typeof model.modelTopology !== "object")
    throw new InvalidModelError("model.json is not a TensorFlow.js model: it has no modelTopology");
  const manifest = model.weightsManifest;
  if (
    !Array.isArray(manifest) ||
    !manifest.every((g) => Array.isArray(g?.paths) && Array.isArray(g?.weights) && g.paths.every(isPlainString))
  )
    throw new InvalidModelError("model.json is not a TensorFlow.js model: its weightsManifest is missing or malformed");
  return model as ModelJson;
}

const isPlainString = (p: unknown) => typeof p === "string" && p.length > 0 && p.length <= 500;

/**
 * The format a model.json declares, or, for files that declare none (TF Hub's), the one its topology shows:
 * a GraphDef's node list, or a Keras model's config.
 */
export function declaredFormat(json: ModelJson): "layers" | "graph" {
  if (json.format) return json.format.includes("graph") ? "graph" : "layers";
  return Array.isArray((json.modelTopology as { node?: unknown }).node) ? "graph" : "layers";
}
