import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { EngineError, InvalidModelError } from "../errors.js";
import { type Normalization, pixelTransform, reordersChannels } from "../images/normalization.js";
import { normalizePixels } from "../images/normalize.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { modelArtifacts } from "../models/model-artifacts.js";
import { declaredFormat, type ModelJson } from "../models/model-json.js";
import { runModel } from "../models/run-model.js";
import { convertLayersModel } from "../onnx/convert-model.js";
import type { ModelFormatModule } from "./model-format.js";

const SHARD_BYTES = 4 * 1024 * 1024; // tfjs' usual shard size: browsers cache 4 MB files well

/** TensorFlow.js's own load errors (an unknown layer class, a bad topology) as the engine's, in its words. */
export function notLoadable(error: unknown): never {
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 300);
  throw new InvalidModelError(`TensorFlow.js cannot load the model (${first})`);
}

function poolIfSpatial(output: tf.SymbolicTensor): tf.SymbolicTensor {
  if (output.shape.length !== 4) return output;
  return tf.layers.globalAveragePooling2d({ name: "bottleneck_pool" }).apply(output) as tf.SymbolicTensor;
}

/** The layer holding the bottleneck: the one named, else the last pooling layer, else the last layer. */
function bottleneckLayer(model: tf.LayersModel, name: string | undefined): tf.layers.Layer {
  if (name) {
    try {
      return model.getLayer(name);
    } catch {
      const pooled = model.layers.filter((l) => /pool/i.test(l.getClassName())).map((l) => l.name);
      throw new EngineError(`The model has no layer "${name}". Pooling layers it has: ${pooled.join(", ") || "none"}.`);
    }
  }
  // Inception-v3 ends in an 8x8 AveragePooling2D, MobileNet v1 in GlobalAveragePooling2D: the last pooling
  // layer of any kind is the bottleneck (a spatial output is then average-pooled to a vector).
  const pooled = model.layers.filter((l) => /Pooling/.test(l.getClassName()));
  const last = pooled.at(-1) ?? model.layers.at(-1);
  if (!last) throw new EngineError("The model has no layers.");
  return last;
}

/** The network from its input to the bottleneck, pooled, with the spec as the model says it is. */
async function loadCut(spec: BaseModelSpec, artifacts: tf.io.ModelArtifacts) {
  const full = await tf.loadLayersModel(tf.io.fromMemory(artifacts)).catch(notLoadable);
  const layer = bottleneckLayer(full, spec.bottleneck);
  const output = poolIfSpatial(layer.output as tf.SymbolicTensor);
  const cut = tf.model({ inputs: full.inputs, outputs: output, name: `${spec.id}_bottleneck` });
  const resolved: BaseModelSpec = {
    ...spec,
    format: "layers",
    featureDim: output.shape.at(-1) ?? 0,
    bottleneck: layer.name,
    inputSize: full.inputs[0]?.shape[1] ?? spec.inputSize,
  };
  return { cut, spec: resolved };
}

/**
 * Pixels 0..255 to the model's values as layers (exported models take raw pixels): a rescaling, or for
 * normalisations that reorder channels (caffe's BGR) a fixed 1x1 convolution, which every runtime has.
 */
function normalizationLayer(normalization: Normalization): tf.layers.Layer {
  const t = pixelTransform(normalization);
  if (!reordersChannels(t)) return tf.layers.rescaling({ scale: t.scale, offset: t.offset[0], name: "normalize" });
  const kernel = new Float32Array(9);
  for (let out = 0; out < 3; out++) kernel[(t.order[out] ?? out) * 3 + out] = t.scale;
  return tf.layers.conv2d({
    filters: 3,
    kernelSize: 1,
    name: "normalize",
    trainable: false,
    weights: [tf.tensor4d(kernel, [1, 1, 3, 3]), tf.tensor1d(t.offset)],
  });
}

export const layersFormat: ModelFormatModule = {
  name: "layers",
  detect: (json: ModelJson) => declaredFormat(json) === "layers",

  async load(spec, files) {
    const { cut, spec: resolved } = await loadCut(spec, files.artifacts);
    return {
      spec: resolved,
      weightsHash: files.weightsHash,
      extract: (pixels) => tf.tidy(() => runModel(cut, normalizePixels(pixels, spec.normalization)) as tf.Tensor2D),
      dispose: () => cut.dispose(),
    };
  },

  async emitOnnx(graph, spec, files, input) {
    const { cut, spec: resolved } = await loadCut(spec, files.artifacts);
    try {
      return { features: convertLayersModel(graph, cut, input), spec: resolved };
    } finally {
      cut.dispose();
    }
  },

  /** Base and head as one layers model that classifies raw images, in label order. */
  async exportTfjs(dir, spec, files, head, meta) {
    const { cut, spec: resolved } = await loadCut(spec, files.artifacts);
    const size = resolved.inputSize;
    const input = tf.input({ shape: [size, size, 3], name: "image" });
    const normalized = normalizationLayer(resolved.normalization).apply(input) as tf.SymbolicTensor;
    const output = head.apply(cut.apply(normalized) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const combined = tf.model({ inputs: input, outputs: output, name: "retrained_classifier" });
    try {
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
        userDefinedMetadata: { ...meta, baseModel: resolved.id },
      };
      await writeFile(path.join(dir, "model.json"), JSON.stringify(modelJson));
      await writeFile(path.join(dir, "labels.json"), JSON.stringify(meta.labels, null, 2));
    } finally {
      cut.dispose();
    }
  },
};
