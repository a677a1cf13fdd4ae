import { convKernelToOIHW, depthwiseKernelToOIHW, foldBatchNorm, windowPads } from "../conv-weights.js";
import { UnsupportedOpError } from "../conversion-errors.js";
import type { OnnxGraph } from "../onnx-graph.js";
import { attrs, type GraphNode } from "./graph-nodes.js";
import {
  type Constant,
  constantAgainst,
  constInput,
  type OpContext,
  type OpConverter,
  tensorInput,
} from "./graph-values.js";

const refuse = (ctx: OpContext) => (why: string) => new UnsupportedOpError(ctx.node.name, ctx.node.op, why);
const floats = (c: Constant) => (c.data instanceof Float32Array ? c.data : Float32Array.from(c.data));

/** An activation fused into a convolution or matrix product (TensorFlow's grappler writes these). */
export function fusedActivation(graph: OnnxGraph, node: GraphNode, op: string, input: string): string {
  const hint = `${node.name}/${op}`;
  const scalar = (v: number) => graph.weight(`${hint}/c`, Float32Array.of(v), []);
  switch (op) {
    case "Relu":
      return graph.node("Relu", [input], hint);
    case "Relu6":
      return graph.node("Clip", [input, scalar(0), scalar(6)], hint);
    case "Elu":
      return graph.node("Elu", [input], hint, { alpha: { float: 1 } });
    case "LeakyRelu":
      return graph.node("LeakyRelu", [input], hint, { alpha: { float: attrs.float(node, "leakyrelu_alpha", 0.2) } });
    case "Sigmoid":
      return graph.node("Sigmoid", [input], hint);
    case "Tanh":
      return graph.node("Tanh", [input], hint);
    default:
      throw new UnsupportedOpError(node.name, node.op, `fused ${op}`);
  }
}

/** Output size and explicit [top, left, bottom, right] pads of one window over [h, w], as TensorFlow pads. */
function window(node: GraphNode, input: [number, number], kernel: [number, number], fail: (why: string) => Error) {
  const [, sh = 1, sw = 1] = attrs.ints(node, "strides");
  const [, dh = 1, dw = 1] = attrs.ints(node, "dilations").length ? attrs.ints(node, "dilations") : [1, 1, 1, 1];
  const padding = attrs.string(node, "padding") ?? "VALID";
  const format = attrs.string(node, "data_format") ?? "NHWC";
  if (format !== "NHWC") throw fail(`data format ${format}`);
  let pads: [number, number, number, number];
  if (padding === "EXPLICIT") {
    const [, , t = 0, b = 0, l = 0, r = 0] = attrs.ints(node, "explicit_paddings");
    pads = [t, l, b, r];
  } else pads = windowPads(padding === "SAME" ? "same" : "valid", input, kernel, [sh, sw], [dh, dw]);
  const size = (i: 0 | 1) => {
    const effective = ((kernel[i] ?? 1) - 1) * (i === 0 ? dh : dw) + 1;
    const padded = input[i] + (pads[i] ?? 0) + (pads[i + 2] ?? 0);
    return Math.floor((padded - effective) / (i === 0 ? sh : sw)) + 1;
  };
  return { pads, strides: [sh, sw], dilations: [dh, dw], out: [size(0), size(1)] as [number, number] };
}

/** Conv2D and depthwise convolutions, plain or with fused bias, batch norm and activation. */
function convolution(depthwise: boolean): OpConverter {
  return (ctx) => {
    const fail = refuse(ctx);
    const { graph, node } = ctx;
    const x = tensorInput(ctx, 0, fail);
    const filter = constInput(ctx, 1, fail);
    const [kh = 1, kw = 1, cin = 1, m = 1] = filter.shape;
    let weights = depthwise
      ? depthwiseKernelToOIHW(floats(filter), filter.shape)
      : convKernelToOIHW(floats(filter), filter.shape);
    const outChannels = depthwise ? cin * m : m;
    const dims = depthwise ? [outChannels, 1, kh, kw] : [outChannels, cin, kh, kw];
    const geometry = window(node, [x.shape[0] ?? 0, x.shape[1] ?? 0], [kh, kw], fail);
    const fused = attrs.strings(node, "fused_ops");
    let bias: Float32Array | undefined;
    let args = 2;
    const next = () => floats(constInput(ctx, args++, fail));
    let activation: string | undefined;
    for (const op of fused) {
      if (op === "BiasAdd") bias = next();
      else if (op === "FusedBatchNorm") {
        const [gamma, beta, mean, variance] = [next(), next(), next(), next()];
        ({ weights, bias } = foldBatchNorm(weights, bias, {
          gamma,
          beta,
          mean,
          variance,
          epsilon: attrs.float(node, "epsilon", 1e-3),
        }));
      } else if (activation) throw fail(`fused ops ${fused.join(", ")}`);
      else activation = op;
    }
    const inputs = [x.name, graph.weight(`${node.name}/W`, weights, dims)];
    if (bias) inputs.push(graph.weight(`${node.name}/B`, bias, [bias.length]));
    const conv = graph.node("Conv", inputs, activation ? `${node.name}/conv` : node.name, {
      kernel_shape: [kh, kw],
      strides: geometry.strides,
      dilations: geometry.dilations,
      group: depthwise ? cin : 1,
      pads: geometry.pads,
    });
    const name = activation ? fusedActivation(graph, node, activation, conv) : conv;
    graph.flops += 2 * geometry.out[0] * geometry.out[1] * outChannels * kh * kw * (depthwise ? 1 : cin);
    return { kind: "tensor", name, shape: [...geometry.out, outChannels] };
  };
}

/** MatMul of a vector by a weight matrix (the classifier at the end), with fused bias and activation. */
const matMul: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const { graph, node } = ctx;
  const x = tensorInput(ctx, 0, fail);
  const w = constInput(ctx, 1, fail);
  if (x.shape.length !== 1 || attrs.bool(node, "transpose_a")) throw fail("only vectors times a weight matrix");
  const transB = attrs.bool(node, "transpose_b");
  const units = (transB ? w.shape[0] : w.shape[1]) ?? 1;
  const inputs = [x.name, graph.weight(`${node.name}/W`, floats(w), w.shape)];
  const fused = attrs.strings(node, "fused_ops");
  if (fused[0] === "BiasAdd") inputs.push(graph.weight(`${node.name}/B`, floats(constInput(ctx, 2, fail)), [units]));
  else if (fused.length) throw fail(`fused ops ${fused.join(", ")}`);
  graph.flops += 2 * (x.shape[0] ?? 0) * units;
  const gemm = graph.node("Gemm", inputs, fused.length > 1 ? `${node.name}/gemm` : node.name, {
    transB: transB ? 1 : 0,
  });
  const name = fused[1] ? fusedActivation(graph, node, fused[1], gemm) : gemm;
  if (fused.length > 2) throw fail(`fused ops ${fused.join(", ")}`);
  return { kind: "tensor", name, shape: [units] };
};

function pooling(op: "AveragePool" | "MaxPool"): OpConverter {
  return (ctx) => {
    const fail = refuse(ctx);
    const x = tensorInput(ctx, 0, fail);
    const [, kh = 1, kw = 1] = attrs.ints(ctx.node, "ksize");
    const geometry = window(ctx.node, [x.shape[0] ?? 0, x.shape[1] ?? 0], [kh, kw], fail);
    const name = ctx.graph.node(op, [x.name], ctx.node.name, {
      kernel_shape: [kh, kw],
      strides: geometry.strides,
      pads: geometry.pads,
      // TensorFlow averages over the pixels inside the image only.
      ...(op === "AveragePool" ? { count_include_pad: 0 } : {}),
    });
    return { kind: "tensor", name, shape: [...geometry.out, x.shape[2] ?? 0] };
  };
}

/** A batch normalisation on its own (not after a convolution): a per-channel scale and shift. */
const batchNorm: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const x = tensorInput(ctx, 0, fail);
  const [gamma, beta, mean, variance] = [1, 2, 3, 4].map((i) => floats(constInput(ctx, i, fail)));
  const epsilon = attrs.float(ctx.node, "epsilon", 1e-3);
  const n = mean?.length ?? 0;
  const scale = Float32Array.from(
    { length: n },
    (_, c) => (gamma?.[c] ?? 1) / Math.sqrt((variance?.[c] ?? 1) + epsilon),
  );
  const shift = Float32Array.from({ length: n }, (_, c) => (beta?.[c] ?? 0) - (mean?.[c] ?? 0) * (scale[c] ?? 1));
  const asConst = (data: Float32Array): Constant => ({ kind: "const", data, shape: [n] });
  const { graph, node } = ctx;
  const scaled = graph.node(
    "Mul",
    [x.name, constantAgainst(graph, asConst(scale), x, `${node.name}/scale`)],
    `${node.name}/mul`,
  );
  const name = graph.node("Add", [scaled, constantAgainst(graph, asConst(shift), x, `${node.name}/shift`)], node.name);
  return { kind: "tensor", name, shape: x.shape };
};

export const CONV_OPS: Record<string, OpConverter> = {
  Conv2D: convolution(false),
  _FusedConv2D: convolution(false),
  DepthwiseConv2dNative: convolution(true),
  FusedDepthwiseConv2dNative: convolution(true),
  MatMul: matMul,
  _FusedMatMul: matMul,
  AvgPool: pooling("AveragePool"),
  MaxPool: pooling("MaxPool"),
  FusedBatchNorm: batchNorm,
  FusedBatchNormV3: batchNorm,
};
