import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { ModelUnavailableError } from "../errors.js";
import { expectedGroupBytes, type ModelJson, parseModelJson } from "./model-json.js";
import { checkModelSize, type ModelLimits } from "./model-limits.js";

/** A model as loaded from disk: its JSON, all weights in one buffer, and SHA-256 hashes of what defines it. */
export interface LoadedModelFiles {
  /** The folder they were read from. */
  dir: string;
  json: ModelJson;
  artifacts: tf.io.ModelArtifacts;
  /** SHA-256 of the weights alone (what checkpoints record). */
  weightsHash: string;
  /**
   * SHA-256 of model.json's bytes and the weights together: two folders with the same weights but another
   * topology (an edited model.json) differ here, so nothing built from one is ever reused for the other.
   */
  modelHash: string;
}

/** Reads model.json and its shards from a folder, checking that every shard is there and whole. */
export async function readModelFolder(dir: string, limits?: ModelLimits): Promise<LoadedModelFiles> {
  const jsonPath = path.join(dir, "model.json");
  const jsonBytes = await readFile(jsonPath).catch(() => missing(dir, "model.json"));
  const json = parseModelJson(jsonBytes.toString("utf8"));
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
  const weightsHash = createHash("sha256").update(weights).digest("hex");
  const modelHash = createHash("sha256").update(jsonBytes).update(weightsHash).digest("hex");
  return { dir, json, artifacts, weightsHash, modelHash };
}

function missing(dir: string, file: string): never {
  throw new ModelUnavailableError(
    `${path.join(dir, path.basename(file))} is missing: a model folder holds model.json and every weight shard it lists.`,
  );
}
