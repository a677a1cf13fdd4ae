import { InvalidModelError } from "../errors.js";
import { expectedGroupBytes, type ModelJson } from "./model-json.js";

/** What a model.json may declare before anything of it is downloaded or loaded. */
export interface ModelLimits {
  /** Bytes of one file (model.json or a shard). */
  bytesPerFile: number;
  /** Bytes of all weight shards together. */
  bytesPerModel: number;
  /** Layers (layers models) or nodes (graph models) in the topology. */
  maxLayers: number;
  /** Weights (numbers) the manifest declares. */
  maxParameters: number;
}

/** Generous enough for Inception-v3 (92 MB, 24 M parameters, 313 layers) and MobileNetV2 1.4 many times over. */
export const DEFAULT_MODEL_LIMITS: ModelLimits = {
  bytesPerFile: 256 * 1024 * 1024,
  bytesPerModel: 1024 * 1024 * 1024,
  maxLayers: 5_000,
  maxParameters: 250_000_000,
};

/** Layers of a Keras topology (nested models included) or nodes of a graph model's topology. */
function countLayers(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + countLayers(v), 0);
  if (!value || typeof value !== "object") return 0;
  let count = 0;
  for (const [key, child] of Object.entries(value)) {
    if ((key === "layers" || key === "node") && Array.isArray(child)) count += child.length;
    count += countLayers(child);
  }
  return count;
}

/** Refuses a model that declares more layers, parameters or bytes than the limits allow. */
export function checkModelSize(json: ModelJson, limits: ModelLimits): void {
  const layers = countLayers(json.modelTopology);
  if (layers > limits.maxLayers)
    throw new InvalidModelError(`the model has ${layers} layers; at most ${limits.maxLayers} are allowed`);
  const weights = json.weightsManifest.flatMap((g) => g.weights);
  const parameters = weights.reduce((sum, w) => sum + (w.shape ?? []).reduce((a, b) => a * b, 1), 0);
  if (!Number.isFinite(parameters) || parameters > limits.maxParameters)
    throw new InvalidModelError(
      `the model declares ${parameters.toLocaleString("en")} parameters; at most ${limits.maxParameters.toLocaleString("en")} are allowed`,
    );
  const bytes = json.weightsManifest.reduce((sum, g) => sum + expectedGroupBytes(g.weights), 0);
  if (bytes > limits.bytesPerModel)
    throw new InvalidModelError(
      `the model's weights are ${mb(bytes)}; at most ${mb(limits.bytesPerModel)} are allowed`,
    );
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
