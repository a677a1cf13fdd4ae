import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { ModelUnavailableError } from "../errors.js";
import { expectedGroupBytes, type ModelJson, parseModelJson } from "./model-json.js";
import { checkModelSize, type ModelLimits } from "./model-limits.js";

/** A model as loaded from disk: its JSON, all weights in one buffer, and a SHA-256 of those weights. */
export interface LoadedModelFiles {
  json: ModelJson;
  artifacts: tf.io.ModelArtifacts;
  weightsHash: string;
}

/** Reads model.json and its shards from a folder, checking that every shard is there and whole. */
export async function readModelFolder(dir: string, limits?: ModelLimits): Promise<LoadedModelFiles> {
  const jsonPath = path.join(dir, "model.json");
  const json = parseModelJson(await readFile(jsonPath, "utf8").catch(() => missing(dir, "model.json")));
  if (limits) checkModelSize(json, limits);
  const buffers: Buffer[] = [];
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  for (const group of json.weightsManifest) {
    const shards = await Promise.all(
      group.paths.map((p) => readFile(path.join(dir, path.basename(p))).catch(() => missing(dir, p))),
    );
    const size = shards.reduce((s, b) => s + b.length, 0);
    if (size !== expectedGroupBytes(group.weights)) {
      throw new ModelUnavailableError(
        `The weights in ${dir} are incomplete: shards ${group.paths.join(", ")} hold ${size} bytes, ` +
          `model.json expects ${expectedGroupBytes(group.weights)}. Delete the folder to download them again.`,
      );
    }
    buffers.push(...shards);
    weightSpecs.push(...group.weights);
  }
  const weights = Buffer.concat(buffers);
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: json.modelTopology as tf.io.ModelArtifacts["modelTopology"],
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature as tf.io.ModelArtifacts["signature"],
    userDefinedMetadata: json.userDefinedMetadata as tf.io.ModelArtifacts["userDefinedMetadata"],
    weightSpecs,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
  };
  return { json, artifacts, weightsHash: createHash("sha256").update(weights).digest("hex") };
}

function missing(dir: string, file: string): never {
  throw new ModelUnavailableError(
    `${path.join(dir, path.basename(file))} is missing: a model folder holds model.json and every weight shard it lists.`,
  );
}
