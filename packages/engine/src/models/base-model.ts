import * as tf from "@tensorflow/tfjs";
import { EngineError, InvalidModelError } from "../errors.js";
import { normalizePixels } from "../images/normalize.js";
import type { BaseModelSpec } from "./catalog.js";
import { readModelFolder } from "./model-files.js";
import { runModel } from "./run-model.js";

/** A pretrained network cut at its bottleneck: raw pixels in, one feature vector per image out. */
export interface BaseModel {
  spec: BaseModelSpec;
  /** SHA-256 of the weights, so that a checkpoint knows exactly which base it was trained on. */
  weightsHash: string;
  /** For layers models: the cut network (normalised input to pooled vector), used for export. */
  layers?: tf.LayersModel;
  /** [n, size, size, 3] int32 RGB bytes to [n, featureDim] float32. The caller disposes the result. */
  extract(pixels: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}

/** TensorFlow.js's own load errors (an unknown layer class, a bad topology) as the engine's, in its words. */
function notLoadable(error: unknown): never {
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

async function loadLayersBase(spec: BaseModelSpec, artifacts: tf.io.ModelArtifacts) {
  const full = await tf.loadLayersModel(tf.io.fromMemory(artifacts)).catch(notLoadable);
  const layer = bottleneckLayer(full, spec.bottleneck);
  const output = poolIfSpatial(layer.output as tf.SymbolicTensor);
  const cut = tf.model({ inputs: full.inputs, outputs: output, name: `${spec.id}_bottleneck` });
  const featureDim = output.shape.at(-1) ?? 0;
  const inputSize = full.inputs[0]?.shape[1] ?? spec.inputSize;
  return { cut, featureDim, inputSize, bottleneck: layer.name };
}

async function loadGraphBase(spec: BaseModelSpec, artifacts: tf.io.ModelArtifacts) {
  const graph = await tf.loadGraphModel(tf.io.fromMemory(artifacts)).catch(notLoadable);
  const node = spec.bottleneck ?? graph.outputNodes[0] ?? "";
  const inputSize = graph.inputs[0]?.shape?.[1] ?? spec.inputSize;
  const run = (x: tf.Tensor4D) =>
    tf.tidy(() => {
      const out = graph.execute(x, node) as tf.Tensor;
      return (out.rank === 4 ? out.mean([1, 2]) : out.reshape([x.shape[0], -1])) as tf.Tensor2D;
    });
  const probe = run(
    tf.zeros([1, inputSize > 0 ? inputSize : spec.inputSize, inputSize > 0 ? inputSize : spec.inputSize, 3]),
  );
  const featureDim = probe.shape[1];
  probe.dispose();
  return { graph, run, featureDim, node };
}

/** Loads a base model from a folder holding model.json and its shards (see ensureModelCached). */
export async function loadBaseModel(spec: BaseModelSpec, dir: string): Promise<BaseModel> {
  const { artifacts, weightsHash } = await readModelFolder(dir);
  const isGraph = spec.format === "graph" || (artifacts.format ?? "").includes("graph");
  if (isGraph) {
    const { graph, run, featureDim, node } = await loadGraphBase(spec, artifacts);
    const resolved = { ...spec, format: "graph" as const, featureDim, bottleneck: node };
    return {
      spec: resolved,
      weightsHash,
      extract: (pixels) => tf.tidy(() => run(normalizePixels(pixels, spec.normalization))),
      dispose: () => graph.dispose(),
    };
  }
  const { cut, featureDim, inputSize, bottleneck } = await loadLayersBase(spec, artifacts);
  const resolved = {
    ...spec,
    format: "layers" as const,
    featureDim,
    bottleneck,
    inputSize: inputSize ?? spec.inputSize,
  };
  return {
    spec: resolved,
    weightsHash,
    layers: cut,
    extract: (pixels) => tf.tidy(() => runModel(cut, normalizePixels(pixels, spec.normalization)) as tf.Tensor2D),
    dispose: () => cut.dispose(),
  };
}
