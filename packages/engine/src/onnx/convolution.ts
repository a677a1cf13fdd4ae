import { activate } from "./activations.js";
import { convKernelToOIHW, depthwiseKernelToOIHW, foldBatchNorm, windowPads } from "./conv-weights.js";
import { UnsupportedLayerError } from "./conversion-errors.js";
import type { LayerConfig, LayerContext, Value } from "./layer-context.js";

type Converter = (ctx: LayerContext) => Value;
export const pair = (v: unknown, fallback = 1): [number, number] =>
  Array.isArray(v)
    ? [Number(v[0] ?? fallback), Number(v[1] ?? v[0] ?? fallback)]
    : [Number(v ?? fallback), Number(v ?? fallback)];

/** A batch normalisation's parameters (Inception's have no gamma: looked up by name, never by position). */
export function batchNormOf(ctx: Pick<LayerContext, "weight">, config: LayerConfig) {
  const mean = ctx.weight("moving_mean")?.data;
  const variance = ctx.weight("moving_variance")?.data;
  if (!mean || !variance) return undefined;
  return {
    gamma: ctx.weight("gamma")?.data,
    beta: ctx.weight("beta")?.data,
    mean,
    variance,
    epsilon: Number(config.epsilon ?? 1e-3),
  };
}

/** A convolution whose weights are already OIHW: pads (pending ones added), bias, folded batch norm, activation. */
function convolution(
  ctx: LayerContext,
  weights: Float32Array,
  dims: number[],
  bias: Float32Array | undefined,
  group: number,
): Value {
  const { config, graph: g } = ctx;
  const input = ctx.inputs[0] as Value;
  const kernel = pair(config.kernelSize);
  const strides = pair(config.strides);
  const dilations = pair(config.dilationRate);
  const spatial: [number, number] = [
    (input.shape[0] ?? 0) + (input.pads ? input.pads[0] + input.pads[2] : 0),
    (input.shape[1] ?? 0) + (input.pads ? input.pads[1] + input.pads[3] : 0),
  ];
  const own = windowPads(String(config.padding), spatial, kernel, strides, dilations);
  const pads = own.map((p, i) => p + (input.pads?.[i] ?? 0));
  let w = weights;
  let b = bias;
  let outputName = ctx.layer.name;
  const next = ctx.soleConsumer();
  const linear = (config.activation ?? "linear") === "linear";
  if (next?.className === "BatchNormalization" && linear) {
    const consumerWeight = (suffix: string) => {
      const found = next.layer.weights.find((v) => v.originalName.split("/").pop() === suffix);
      return found ? { data: found.read().dataSync() as Float32Array, shape: found.shape as number[] } : undefined;
    };
    const bn = batchNormOf({ weight: consumerWeight }, next.config);
    if (bn) {
      ({ weights: w, bias: b } = foldBatchNorm(w, b, bn));
      ctx.absorbConsumer();
      outputName = next.layer.name;
    }
  }
  const inputs = [input.name, g.weight(`${ctx.layer.name}/W`, w, dims)];
  if (b) inputs.push(g.weight(`${ctx.layer.name}/B`, b, [b.length]));
  const [outH = 1, outW = 1] = ctx.outputShape;
  g.flops += 2 * outH * outW * (dims[0] ?? 1) * (dims[1] ?? 1) * (dims[2] ?? 1) * (dims[3] ?? 1);
  const conv = g.node("Conv", inputs, `${outputName}/conv`, {
    kernel_shape: kernel,
    strides,
    dilations,
    group,
    // ONNX order: [top, left, bottom, right]
    pads: [pads[0] ?? 0, pads[1] ?? 0, pads[2] ?? 0, pads[3] ?? 0],
  });
  return { name: activate(ctx, String(config.activation ?? "linear"), conv, outputName), shape: ctx.outputShape };
}

/** Convolutions, batch norms folded in where they follow one directly. */
export const CONVOLUTIONS: Record<string, Converter> = {
  Conv2D: (ctx) => {
    const kernel = ctx.weight("kernel");
    if (!kernel) throw new UnsupportedLayerError(ctx.layer.name, "Conv2D without kernel");
    const [kh = 1, kw = 1, cin = 1, cout = 1] = kernel.shape;
    return convolution(
      ctx,
      convKernelToOIHW(kernel.data, kernel.shape),
      [cout, cin, kh, kw],
      ctx.weight("bias")?.data,
      1,
    );
  },
  DepthwiseConv2D: (ctx) => {
    const kernel = ctx.weight("depthwise_kernel");
    if (!kernel) throw new UnsupportedLayerError(ctx.layer.name, "DepthwiseConv2D without kernel");
    const [kh = 1, kw = 1, channels = 1, multiplier = 1] = kernel.shape;
    const weights = depthwiseKernelToOIHW(kernel.data, kernel.shape);
    return convolution(ctx, weights, [channels * multiplier, 1, kh, kw], ctx.weight("bias")?.data, channels);
  },
  SeparableConv2D: (ctx) => {
    const depthwise = ctx.weight("depthwise_kernel");
    const pointwise = ctx.weight("pointwise_kernel");
    if (!depthwise || !pointwise) throw new UnsupportedLayerError(ctx.layer.name, "SeparableConv2D without kernels");
    const [kh = 1, kw = 1, channels = 1, multiplier = 1] = depthwise.shape;
    const [, , mid = 1, out = 1] = pointwise.shape;
    const input = ctx.inputs[0] as Value;
    const pads = windowPads(
      String(ctx.config.padding),
      [input.shape[0] ?? 0, input.shape[1] ?? 0],
      [kh, kw],
      pair(ctx.config.strides),
      pair(ctx.config.dilationRate),
    );
    const g = ctx.graph;
    const dw = g.node(
      "Conv",
      [
        ctx.materialize(input),
        g.weight(`${ctx.layer.name}/DW`, depthwiseKernelToOIHW(depthwise.data, depthwise.shape), [
          channels * multiplier,
          1,
          kh,
          kw,
        ]),
      ],
      `${ctx.layer.name}/depthwise`,
      {
        kernel_shape: [kh, kw],
        strides: pair(ctx.config.strides),
        dilations: pair(ctx.config.dilationRate),
        group: channels,
        pads,
      },
    );
    const bias = ctx.weight("bias")?.data;
    const pw = g.node(
      "Conv",
      [
        dw,
        g.weight(`${ctx.layer.name}/PW`, convKernelToOIHW(pointwise.data, pointwise.shape), [out, mid, 1, 1]),
        ...(bias ? [g.weight(`${ctx.layer.name}/B`, bias, [bias.length])] : []),
      ],
      `${ctx.layer.name}/pointwise`,
      { kernel_shape: [1, 1] },
    );
    return {
      name: activate(ctx, String(ctx.config.activation ?? "linear"), pw, ctx.layer.name),
      shape: ctx.outputShape,
    };
  },
};
