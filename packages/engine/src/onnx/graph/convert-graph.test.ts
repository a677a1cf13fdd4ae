import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../../backend.js";
import type { ModelJson } from "../../models/model-json.js";
import { UnsupportedOpError } from "../conversion-errors.js";
import { encodeModel, OnnxGraph } from "../onnx-graph.js";
import { createOnnxSession } from "../onnx-runtime.js";
import { output, pixelInput } from "../pixel-input.js";
import { convertGraphModel } from "./convert-graph.js";
import { graphConstants } from "./graph-nodes.js";

/** A GraphDef written by hand, as TensorFlow.js's converter writes one: attributes base64 and decimal strings. */
function graphModel() {
  const nodes: object[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Float32Array[] = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  const s = (text: string) => ({ s: Buffer.from(text).toString("base64") });
  const ints = (...v: number[]) => ({ list: { i: v.map(String) } });
  const strings = (...v: string[]) => ({ list: { s: v.map((t) => Buffer.from(t).toString("base64")) } });
  const constant = (name: string, shape: number[], values?: number[], dtype: "float32" | "int32" = "float32") => {
    const count = shape.reduce((a, b) => a * b, 1);
    const data = values ? Float32Array.from(values) : Float32Array.from({ length: count }, () => random() * 0.6);
    buffers.push(dtype === "int32" ? new Float32Array(Int32Array.from(data).buffer) : data);
    specs.push({ name, shape, dtype });
    nodes.push({ name, op: "Const", attr: { dtype: { type: dtype === "int32" ? "DT_INT32" : "DT_FLOAT" } } });
    return name;
  };
  const op = (name: string, type: string, input: string[], attr: Record<string, unknown> = {}) => {
    nodes.push({ name, op: type, input, attr: { T: { type: "DT_FLOAT" }, ...attr } });
    return name;
  };
  const conv = { strides: ints(1, 1, 1, 1), padding: s("SAME"), data_format: s("NHWC"), dilations: ints(1, 1, 1, 1) };

  nodes.push({ name: "image", op: "Placeholder", attr: { dtype: { type: "DT_FLOAT" } } });
  let x = op("scaled", "Mul", ["image", constant("two", [], [2])]);
  x = op("centred", "Sub", [x, constant("mean", [1, 1, 3], [0.5, 0.4, 0.3])]);
  x = op("stem", "Conv2D", [x, constant("stem/w", [3, 3, 3, 8])], {
    ...conv,
    strides: ints(1, 2, 2, 1),
    padding: s("VALID"),
  });
  x = op("stem/bias", "BiasAdd", [x, constant("stem/b", [8])]);
  x = op("stem/act", "Relu6", [x]);
  const dw = op("dw", "FusedDepthwiseConv2dNative", [x, constant("dw/w", [3, 3, 8, 2]), constant("dw/b", [16])], {
    ...conv,
    strides: ints(1, 2, 2, 1),
    fused_ops: strings("BiasAdd", "Relu6"),
    num_args: { i: "1" },
  });
  const swish = op("swish", "Mul", [op("swish/sig", "Sigmoid", [dw]), dw]);
  const squeezed = op("se/mean", "Mean", [swish, constant("axes", [2], [1, 2], "int32")], { keep_dims: { b: false } });
  const shape = op("se/shape", "Shape", [squeezed]);
  const batch = op(
    "se/batch",
    "StridedSlice",
    [shape, constant("b0", [1], [0], "int32"), constant("b1", [1], [1], "int32"), constant("b2", [1], [1], "int32")],
    {
      shrink_axis_mask: { i: "1" },
      begin_mask: { i: "0" },
      end_mask: { i: "0" },
    },
  );
  const target = op(
    "se/target",
    "Pack",
    [batch, constant("one", [], [1], "int32"), "one", constant("c", [], [16], "int32")],
    { axis: { i: "0" } },
  );
  const gate = op("se/gate", "Sigmoid", [op("se/reshape", "Reshape", [squeezed, target])]);
  x = op("excite", "Mul", [swish, gate]);
  const a = op("branch/a", "_FusedConv2D", [x, constant("a/w", [1, 1, 16, 8]), constant("a/b", [8])], {
    ...conv,
    fused_ops: strings("BiasAdd", "LeakyRelu"),
    leakyrelu_alpha: { f: 0.1 },
    num_args: { i: "1" },
  });
  const padded = op("pad", "Pad", [x, constant("pads", [4, 2], [0, 0, 1, 0, 0, 1, 0, 0], "int32")]);
  const b = op("branch/b", "Conv2D", [padded, constant("b/w", [2, 2, 16, 8])], { ...conv, padding: s("VALID") });
  x = op(
    "concat",
    "ConcatV2",
    [op("a/elu", "Elu", [a]), op("b/tanh", "Tanh", [b]), constant("axis", [], [3], "int32")],
    { N: { i: "2" } },
  );
  x = op("max", "Maximum", [
    x,
    op("pooled", "MaxPool", [x], {
      ksize: ints(1, 3, 3, 1),
      strides: ints(1, 1, 1, 1),
      padding: s("SAME"),
      data_format: s("NHWC"),
    }),
  ]);
  x = op("avg", "AvgPool", [x], {
    ksize: ints(1, 2, 2, 1),
    strides: ints(1, 2, 2, 1),
    padding: s("SAME"),
    data_format: s("NHWC"),
  });
  x = op("sum", "AddV2", [x, op("halved", "RealDiv", [x, constant("three", [], [3])])]);
  x = op("gap", "Mean", [x, "axes"], { keep_dims: { b: true } });
  x = op("flat", "Squeeze", [x], { squeeze_dims: ints(1, 2) });
  x = op("dense", "_FusedMatMul", [x, constant("dense/w", [16, 5]), constant("dense/b", [5])], {
    transpose_a: { b: false },
    transpose_b: { b: false },
    fused_ops: strings("BiasAdd", "Relu"),
    num_args: { i: "1" },
  });
  op("probabilities", "Softmax", [x]);

  const weights = new Uint8Array(buffers.reduce((sum, f) => sum + f.byteLength, 0));
  let at = 0;
  for (const f of buffers) {
    weights.set(new Uint8Array(f.buffer, f.byteOffset, f.byteLength), at);
    at += f.byteLength;
  }
  const json: ModelJson = {
    format: "graph-model",
    modelTopology: { node: nodes, versions: { producer: 440 } },
    weightsManifest: [{ paths: [], weights: specs }],
  };
  const artifacts: tf.io.ModelArtifacts = {
    format: "graph-model",
    modelTopology: { node: nodes, versions: { producer: 440 } },
    weightSpecs: specs,
    weightData: weights.buffer,
  };
  return { json, artifacts };
}

async function onnxFor(json: ModelJson, artifacts: tf.io.ModelArtifacts, node: string, size: number) {
  const graph = new OnnxGraph();
  graph.name("pixels");
  const input = pixelInput(graph, size, "[0,1]");
  const out = convertGraphModel(graph, json, graphConstants(artifacts), { kind: "tensor", ...input }, node);
  output(graph, out, "features");
  return encodeModel(graph, {
    name: "test",
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", size, size, 3] }],
    outputs: [{ name: "features", type: "float32", shape: ["n", out.shape[0] ?? 0] }],
  });
}

describe("TensorFlow.js graph models to ONNX", () => {
  beforeAll(() => initBackend("auto"));

  it("computes what TensorFlow.js computes, op by op (fused and plain, shapes evaluated, pads at TF's side)", async () => {
    const { json, artifacts } = graphModel();
    const size = 19; // odd: SAME padding puts the extra pixel at the end
    const session = await createOnnxSession(await onnxFor(json, artifacts, "probabilities", size));
    const pixels = Uint8Array.from({ length: 2 * size * size * 3 }, (_, i) => (i * 37 + (i >> 4)) % 256);
    const actual = await session.run(pixels, [2, size, size, 3]);
    await session.dispose();
    const model = await tf.loadGraphModel(tf.io.fromMemory(artifacts));
    const expected = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(pixels), [2, size, size, 3]).div(255);
      return (model.execute(x, "probabilities") as tf.Tensor).dataSync() as Float32Array;
    });
    model.dispose();
    expect(actual.length).toBe(10);
    for (const [i, v] of expected.entries()) expect(actual[i]).toBeCloseTo(v, 5);
  });

  it("names the node it cannot take, so the model runs on TensorFlow.js instead", async () => {
    const { json, artifacts } = graphModel();
    const nodes = (json.modelTopology as { node: { name: string; op: string }[] }).node;
    const avg = nodes.find((n) => n.name === "avg");
    if (avg) avg.op = "FractionalAvgPool";
    await expect(onnxFor(json, artifacts, "probabilities", 19)).rejects.toThrow(UnsupportedOpError);
    await expect(onnxFor(json, artifacts, "probabilities", 19)).rejects.toThrow(/node avg \(FractionalAvgPool\)/);
    // Cut before it, the rest converts.
    await expect(onnxFor(json, artifacts, "excite", 19)).resolves.toBeInstanceOf(Uint8Array);
  });
});
