import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend.js";
import { UnsupportedLayerError } from "./conversion-errors.js";
import { convertLayersModel } from "./convert-model.js";
import { encodeModel, OnnxGraph } from "./onnx-graph.js";
import { createOnnxSession } from "./onnx-runtime.js";
import { output, pixelInput } from "./pixel-input.js";

const L = tf.layers;
type Sym = tf.SymbolicTensor;
const apply = (layer: tf.layers.Layer, x: Sym | Sym[]) => layer.apply(x) as Sym;

/** Random but fixed weights everywhere, batch norms with non-trivial statistics. */
function randomize(model: tf.LayersModel, seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  model.setWeights(
    model.weights.map((w) => {
      const shape = w.shape.map((d) => d ?? 1);
      const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () =>
        w.name.includes("variance") ? 0.5 + next() : (next() - 0.5) * 0.6,
      );
      return tf.tensor(values, shape);
    }),
  );
}

/** Runs `model` (input [size, size, 3], pixels 0..255 normalised to [-1, 1]) on tfjs and on ONNX Runtime. */
async function bothWays(model: tf.LayersModel, size: number) {
  const graph = new OnnxGraph();
  graph.name("pixels");
  const out = convertLayersModel(graph, model, pixelInput(graph, size, "[-1,1]"));
  output(graph, out, "features");
  const bytes = encodeModel(graph, {
    name: "test",
    inputs: [{ name: "pixels", type: "uint8", shape: ["n", size, size, 3] }],
    outputs: [{ name: "features", type: "float32", shape: ["n", ...out.shape] }],
  });
  const pixels = Uint8Array.from({ length: 2 * size * size * 3 }, (_, i) => (i * 37 + (i >> 5)) % 256);
  const session = await createOnnxSession(bytes);
  const onnx = await session.run(pixels, [2, size, size, 3]);
  await session.dispose();
  const expected = tf.tidy(() =>
    (
      model.predict(tf.tensor4d(Float32Array.from(pixels), [2, size, size, 3]).div(127.5).sub(1)) as tf.Tensor
    ).dataSync(),
  );
  return { onnx, expected: expected as Float32Array };
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? Number.NaN))), 0);

describe("TensorFlow.js layers to ONNX", () => {
  beforeAll(() => initBackend("auto"));

  it("computes what TensorFlow.js computes, layer kind by layer kind (odd sizes, asymmetric pads, folds)", async () => {
    const input = tf.input({ shape: [23, 23, 3] });
    let x = apply(
      L.zeroPadding2d({
        padding: [
          [0, 1],
          [0, 1],
        ],
      }),
      input,
    );
    x = apply(L.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: "valid", useBias: false }), x);
    x = apply(L.batchNormalization({}), x); // folded into the convolution
    x = apply(L.reLU({ maxValue: 6 }), x);
    const branch = apply(
      L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: "same", activation: "relu6" }),
      x,
    );
    let y = apply(L.conv2d({ filters: 16, kernelSize: 1, padding: "same", activation: "relu" }), x);
    y = apply(L.batchNormalization({ scale: false }), y); // after an activation: kept, and without gamma
    x = apply(L.add(), [branch, y]);
    const squeeze = apply(L.reshape({ targetShape: [1, 1, 16] }), apply(L.globalAveragePooling2d({}), x));
    const gate = apply(L.conv2d({ filters: 16, kernelSize: 1, activation: "hardSigmoid" }), squeeze);
    x = apply(L.multiply(), [x, gate]);
    x = apply(L.separableConv2d({ filters: 12, kernelSize: 3, strides: 2, padding: "same", activation: "swish" }), x);
    const pooledMax = apply(L.maxPooling2d({ poolSize: 3, strides: 2, padding: "same" }), x);
    const pooledAvg = apply(L.averagePooling2d({ poolSize: 3, strides: 2, padding: "same" }), x);
    x = apply(L.concatenate({ axis: -1 }), [pooledMax, pooledAvg]);
    x = apply(L.leakyReLU({ alpha: 0.1 }), x);
    const flat = apply(L.flatten(), x);
    const pooled = apply(L.globalMaxPooling2d({}), x);
    let z = apply(L.concatenate(), [flat, pooled]);
    z = apply(L.dropout({ rate: 0.5 }), z);
    z = apply(L.dense({ units: 10, activation: "tanh" }), z);
    z = apply(L.reshape({ targetShape: [1, 1, 10] }), z);
    z = apply(L.conv2d({ filters: 4, kernelSize: 1, activation: "sigmoid" }), z);
    z = apply(L.flatten(), z);
    const model = tf.model({ inputs: input, outputs: z });
    randomize(model, 7);
    const { onnx, expected } = await bothWays(model, 23);
    expect(onnx.length).toBe(expected.length);
    expect(maxAbsDiff(onnx, expected)).toBeLessThan(1e-4);
  });

  it("names the layer it cannot convert", () => {
    const input = tf.input({ shape: [8, 8, 3] });
    const model = tf.model({ inputs: input, outputs: apply(L.upSampling2d({ name: "grow" }), input) });
    const graph = new OnnxGraph();
    const error = (() => {
      try {
        convertLayersModel(graph, model, pixelInput(graph, 8, "[-1,1]"));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnsupportedLayerError);
    expect((error as Error).message).toBe("layer grow (UpSampling2D) has no ONNX conversion");
  });
});
