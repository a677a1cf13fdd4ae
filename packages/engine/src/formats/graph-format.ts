import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { pixelTransform } from "../images/normalization.js";
import { normalizePixels } from "../images/normalize.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { modelArtifacts } from "../models/model-artifacts.js";
import { declaredFormat, type ModelJson } from "../models/model-json.js";
import { convertGraphModel, defaultOutputNode } from "../onnx/graph/convert-graph.js";
import { graphConstants } from "../onnx/graph/graph-nodes.js";
import { graphLoader } from "./graph-loader.js";
import { notLoadable } from "./layers-format.js";
import type { ModelFormatModule } from "./model-format.js";

/** The node to cut at, and the input size: the spec's, else the model's own signature. */
function cutOf(spec: BaseModelSpec, json: ModelJson) {
  return { ...spec, format: "graph" as const, bottleneck: spec.bottleneck || defaultOutputNode(json) };
}

export const graphFormat: ModelFormatModule = {
  name: "graph",
  detect: (json: ModelJson) => declaredFormat(json) === "graph",

  async load(spec, files) {
    const cut = cutOf(spec, files.json);
    const graph = await tf.loadGraphModel(tf.io.fromMemory(files.artifacts)).catch(notLoadable);
    const node = cut.bottleneck;
    const run = (x: tf.Tensor4D) =>
      tf.tidy(() => {
        const out = graph.execute(x, node) as tf.Tensor;
        return (out.rank === 4 ? out.mean([1, 2]) : out.reshape([x.shape[0], -1])) as tf.Tensor2D;
      });
    const probe = tf.tidy(() => run(tf.zeros([1, cut.inputSize, cut.inputSize, 3])));
    const featureDim = probe.shape[1];
    probe.dispose();
    return {
      spec: { ...cut, featureDim },
      weightsHash: files.weightsHash,
      extract: (pixels) => tf.tidy(() => run(normalizePixels(pixels, spec.normalization))),
      dispose: () => graph.dispose(),
    };
  },

  async emitOnnx(graph, spec, files, input) {
    const cut = cutOf(spec, files.json);
    const features = convertGraphModel(
      graph,
      files.json,
      graphConstants(files.artifacts),
      { kind: "tensor", ...input },
      cut.bottleneck,
    );
    // A spatial bottleneck is average-pooled to a vector, as on TensorFlow.js.
    if (features.shape.length !== 3) return { features, spec: { ...cut, featureDim: features.shape[0] ?? 0 } };
    const pooled = graph.node("GlobalAveragePool", [features.name], "bottleneck_pool");
    const channels = features.shape[2] ?? 0;
    return {
      features: { name: graph.node("Flatten", [pooled], "bottleneck_vector"), shape: [channels] },
      spec: { ...cut, featureDim: channels },
    };
  },

  /**
   * A graph model and a layers head do not combine into one TensorFlow.js model, so the export is both, side
   * by side, with what joins them (cut point, pixel transform) and a loader of three lines in its README.
   */
  async exportTfjs(dir, spec, files, head, meta) {
    const cut = cutOf(spec, files.json);
    await mkdir(path.join(dir, "base"), { recursive: true });
    await writeFile(path.join(dir, "base", "model.json"), JSON.stringify(files.json));
    for (const shard of files.json.weightsManifest.flatMap((g) => g.paths))
      await copyFile(path.join(files.dir, path.basename(shard)), path.join(dir, "base", path.basename(shard)));
    const artifacts = await modelArtifacts(head);
    const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
    await mkdir(path.join(dir, "head"), { recursive: true });
    await writeFile(path.join(dir, "head", "weights.bin"), weights);
    await writeFile(
      path.join(dir, "head", "model.json"),
      JSON.stringify({
        format: "layers-model",
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs }],
      }),
    );
    const retrained = {
      ...meta,
      baseModel: cut.id,
      bottleneck: cut.bottleneck,
      pixels: pixelTransform(cut.normalization),
    };
    await writeFile(path.join(dir, "retrained.json"), JSON.stringify(retrained, null, 2));
    await writeFile(path.join(dir, "labels.json"), JSON.stringify(meta.labels, null, 2));
    await writeFile(path.join(dir, "README.md"), graphLoader(cut.bottleneck, retrained.pixels));
  },
};
