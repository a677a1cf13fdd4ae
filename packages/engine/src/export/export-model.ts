import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { Calibration } from "../calibration/calibration.js";
import { modelArtifacts, type Preprocessing } from "../checkpoints/checkpoint.js";
import { EngineError } from "../errors.js";
import type { BaseModel } from "../models/base-model.js";
import { readModelFolder } from "../models/model-files.js";

const SHARD_BYTES = 4 * 1024 * 1024; // tfjs' usual shard size: browsers cache 4 MB files well

/**
 * Base and head as one layers model that classifies raw images: input [n, size, size, 3] RGB values in
 * 0..255 (resized as `preprocessing.resize` says), output class probabilities in label order.
 */
export function combineModel(base: BaseModel, head: tf.LayersModel): tf.LayersModel {
  if (!base.layers) throw new EngineError(`Export needs a layers-format base model; ${base.spec.id} is a graph model.`);
  const size = base.spec.inputSize;
  const input = tf.input({ shape: [size, size, 3], name: "image" });
  const [scale, offset] = base.spec.normalization === "[-1,1]" ? [1 / 127.5, -1] : [1 / 255, 0];
  const normalized = tf.layers.rescaling({ scale, offset, name: "normalize" }).apply(input) as tf.SymbolicTensor;
  const features = base.layers.apply(normalized) as tf.SymbolicTensor;
  const output = head.apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: "retrained_classifier" });
}

/** Writes the standalone model: model.json (with labels, preprocessing, temperature), weight shards, labels.json. */
export async function exportModel(
  dir: string,
  base: BaseModel,
  head: tf.LayersModel,
  labels: string[],
  preprocessing: Preprocessing,
  calibration?: Calibration,
): Promise<void> {
  const combined = combineModel(base, head);
  const artifacts = await modelArtifacts(combined);
  const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
  const count = Math.max(1, Math.ceil(weights.length / SHARD_BYTES));
  const paths = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
  await mkdir(dir, { recursive: true });
  for (const [i, name] of paths.entries())
    await writeFile(path.join(dir, name), weights.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES));
  const modelJson = {
    format: "layers-model",
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: "Retrain Studio",
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths, weights: artifacts.weightSpecs }],
    // The model outputs the head's own probabilities; a calibrated serving divides their logs by the
    // temperature and answers "unknown" under the threshold, as the API does.
    userDefinedMetadata: {
      labels,
      preprocessing,
      baseModel: base.spec.id,
      ...(calibration ? { temperature: calibration.temperature, abstentionThreshold: calibration.threshold } : {}),
    },
  };
  await writeFile(path.join(dir, "model.json"), JSON.stringify(modelJson));
  await writeFile(path.join(dir, "labels.json"), JSON.stringify(labels, null, 2));
}

/** Loads an exported model (any folder with model.json and shards) as a layers model. */
export async function loadExportedModel(
  dir: string,
): Promise<{ model: tf.LayersModel; labels: string[]; preprocessing: Preprocessing }> {
  const { artifacts, json } = await readModelFolder(dir);
  const meta = json.userDefinedMetadata as { labels: string[]; preprocessing: Preprocessing };
  return {
    model: await tf.loadLayersModel(tf.io.fromMemory(artifacts)),
    labels: meta.labels,
    preprocessing: meta.preprocessing,
  };
}
