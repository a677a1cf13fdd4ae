import { activate } from "./activations.js";
import { windowPads } from "./conv-weights.js";
import { UnsupportedLayerError } from "./conversion-errors.js";
import { batchNormOf, CONVOLUTIONS, pair } from "./convolution.js";
import type { LayerContext, Value } from "./layer-context.js";

type Converter = (ctx: LayerContext) => Value;
const isImage = (v: Value) => v.shape.length === 3;
/** Keras axis (channels last, no batch counted as 0) to the ONNX axis of the same value (NCHW for images). */
const onnxAxis = (axis: number, rank: number) => {
  const keras = axis < 0 ? rank + 1 + axis : axis; // with the batch
  return rank === 3 ? ([0, 2, 3, 1][keras] ?? keras) : keras;
};

function pooling(op: "MaxPool" | "AveragePool"): Converter {
  return (ctx) => {
    const input = ctx.inputs[0] as Value;
    const kernel = pair(ctx.config.poolSize, 2);
    const strides = pair(ctx.config.strides ?? ctx.config.poolSize, 2);
    const own = windowPads(String(ctx.config.padding), [input.shape[0] ?? 0, input.shape[1] ?? 0], kernel, strides);
    const name = ctx.materialize(input);
    return {
      name: ctx.graph.node(op, [name], ctx.layer.name, { kernel_shape: kernel, strides, pads: own }),
      shape: ctx.outputShape,
    };
  };
}

function globalPooling(op: "GlobalAveragePool" | "GlobalMaxPool"): Converter {
  return (ctx) => {
    const pooled = ctx.graph.node(op, [ctx.materialize(ctx.inputs[0] as Value)], `${ctx.layer.name}/pool`);
    const keep = Boolean(ctx.config.keepDims);
    return { name: keep ? pooled : ctx.graph.node("Flatten", [pooled], ctx.layer.name), shape: ctx.outputShape };
  };
}

function elementwise(op: "Add" | "Mul" | "Sub" | "Max" | "Min"): Converter {
  return (ctx) => {
    const names = ctx.inputs.map((v) => ctx.materialize(v));
    let result = names[0] as string;
    for (const [i, next] of names.slice(1).entries())
      result = ctx.graph.node(op, [result, next], `${ctx.layer.name}${i ? `_${i}` : ""}`);
    return { name: result, shape: ctx.outputShape };
  };
}

/** 4-D values back to channels last (for layers whose meaning depends on memory order: Flatten, Reshape). */
const toNHWC = (ctx: LayerContext, v: Value) =>
  isImage(v)
    ? ctx.graph.node("Transpose", [ctx.materialize(v)], `${ctx.layer.name}/nhwc`, { perm: [0, 2, 3, 1] })
    : ctx.materialize(v);

export const CONVERTERS: Record<string, Converter> = {
  ...CONVOLUTIONS,
  BatchNormalization: (ctx) => {
    const bn = batchNormOf(ctx, ctx.config);
    const input = ctx.inputs[0] as Value;
    const axis = Number(ctx.config.axis ?? -1);
    if (!bn || (axis !== -1 && axis !== input.shape.length))
      throw new UnsupportedLayerError(ctx.layer.name, "BatchNormalization off the channel axis");
    const g = ctx.graph;
    const n = bn.mean.length;
    const name = g.node(
      "BatchNormalization",
      [
        ctx.materialize(input),
        g.weight(`${ctx.layer.name}/scale`, bn.gamma ?? new Float32Array(n).fill(1), [n]),
        g.weight(`${ctx.layer.name}/B`, bn.beta ?? new Float32Array(n), [n]),
        g.weight(`${ctx.layer.name}/mean`, bn.mean, [n]),
        g.weight(`${ctx.layer.name}/var`, bn.variance, [n]),
      ],
      ctx.layer.name,
      { epsilon: bn.epsilon },
    );
    return { name, shape: ctx.outputShape };
  },
  Activation: (ctx) => ({
    name: activate(ctx, String(ctx.config.activation), ctx.materialize(ctx.inputs[0] as Value), ctx.layer.name),
    shape: ctx.outputShape,
  }),
  ReLU: (ctx) => {
    const max = ctx.config.maxValue;
    const name = typeof max === "number" && max === 6 ? "relu6" : max == null ? "relu" : "";
    if (!name) throw new UnsupportedLayerError(ctx.layer.name, `ReLU (max ${String(max)})`);
    return {
      name: activate(ctx, name, ctx.materialize(ctx.inputs[0] as Value), ctx.layer.name),
      shape: ctx.outputShape,
    };
  },
  LeakyReLU: (ctx) => ({
    name: ctx.graph.node("LeakyRelu", [ctx.materialize(ctx.inputs[0] as Value)], ctx.layer.name, {
      alpha: { float: Number(ctx.config.alpha ?? 0.3) },
    }),
    shape: ctx.outputShape,
  }),
  Softmax: (ctx) => {
    const input = ctx.inputs[0] as Value;
    const axis = Number(ctx.config.axis ?? -1);
    return {
      name: ctx.graph.node("Softmax", [ctx.materialize(input)], ctx.layer.name, {
        axis: onnxAxis(axis, input.shape.length),
      }),
      shape: ctx.outputShape,
    };
  },
  ZeroPadding2D: (ctx) => {
    const input = ctx.inputs[0] as Value;
    const raw = ctx.config.padding as number | [number, number] | [[number, number], [number, number]];
    const [[t, b], [l, r]] =
      typeof raw === "number"
        ? [
            [raw, raw],
            [raw, raw],
          ]
        : Array.isArray(raw[0])
          ? (raw as [[number, number], [number, number]])
          : ([
              [raw[0], raw[0]],
              [raw[1], raw[1]],
            ] as [[number, number], [number, number]]);
    const prior = input.pads ?? [0, 0, 0, 0];
    // Kept pending: the convolution or pooling after it takes it into its own pads.
    return { name: input.name, shape: input.shape, pads: [prior[0] + t, prior[1] + l, prior[2] + b, prior[3] + r] };
  },
  MaxPooling2D: pooling("MaxPool"),
  AveragePooling2D: pooling("AveragePool"),
  GlobalAveragePooling2D: globalPooling("GlobalAveragePool"),
  GlobalMaxPooling2D: globalPooling("GlobalMaxPool"),
  Add: elementwise("Add"),
  Multiply: elementwise("Mul"),
  Subtract: elementwise("Sub"),
  Maximum: elementwise("Max"),
  Minimum: elementwise("Min"),
  Average: (ctx) => {
    const sum = elementwise("Add")(ctx);
    const n = ctx.graph.weight(`${ctx.layer.name}/n`, Float32Array.of(1 / ctx.inputs.length), []);
    return { name: ctx.graph.node("Mul", [sum.name, n], `${ctx.layer.name}/mean`), shape: ctx.outputShape };
  },
  Concatenate: (ctx) => {
    const first = ctx.inputs[0] as Value;
    const axis = onnxAxis(Number(ctx.config.axis ?? -1), first.shape.length);
    return {
      name: ctx.graph.node(
        "Concat",
        ctx.inputs.map((v) => ctx.materialize(v)),
        ctx.layer.name,
        { axis },
      ),
      shape: ctx.outputShape,
    };
  },
  Dense: (ctx) => {
    const input = ctx.inputs[0] as Value;
    const kernel = ctx.weight("kernel");
    if (!kernel || input.shape.length !== 1)
      throw new UnsupportedLayerError(ctx.layer.name, "Dense on more than one axis");
    const g = ctx.graph;
    g.flops += 2 * (kernel.shape[0] ?? 0) * (kernel.shape[1] ?? 0);
    let out = g.node(
      "MatMul",
      [ctx.materialize(input), g.weight(`${ctx.layer.name}/W`, kernel.data, kernel.shape)],
      `${ctx.layer.name}/matmul`,
    );
    const bias = ctx.weight("bias");
    if (bias)
      out = g.node("Add", [out, g.weight(`${ctx.layer.name}/B`, bias.data, bias.shape)], `${ctx.layer.name}/bias`);
    return {
      name: activate(ctx, String(ctx.config.activation ?? "linear"), out, ctx.layer.name),
      shape: ctx.outputShape,
    };
  },
  Flatten: (ctx) => ({
    name: ctx.graph.node("Flatten", [toNHWC(ctx, ctx.inputs[0] as Value)], ctx.layer.name),
    shape: ctx.outputShape,
  }),
  Reshape: (ctx) => {
    const g = ctx.graph;
    const target = g.ints(`${ctx.layer.name}/shape`, [0, ...ctx.outputShape]);
    const reshaped = g.node("Reshape", [toNHWC(ctx, ctx.inputs[0] as Value), target], `${ctx.layer.name}/reshape`);
    const name =
      ctx.outputShape.length === 3 ? g.node("Transpose", [reshaped], ctx.layer.name, { perm: [0, 3, 1, 2] }) : reshaped;
    return { name, shape: ctx.outputShape };
  },
  Rescaling: (ctx) => {
    const g = ctx.graph;
    const scaled = g.node(
      "Mul",
      [
        ctx.materialize(ctx.inputs[0] as Value),
        g.weight(`${ctx.layer.name}/scale`, Float32Array.of(Number(ctx.config.scale ?? 1)), []),
      ],
      `${ctx.layer.name}/scale`,
    );
    return {
      name: g.node(
        "Add",
        [scaled, g.weight(`${ctx.layer.name}/offset`, Float32Array.of(Number(ctx.config.offset ?? 0)), [])],
        ctx.layer.name,
      ),
      shape: ctx.outputShape,
    };
  },
  // Training-only layers: the identity at inference.
  Dropout: (ctx) => ctx.inputs[0] as Value,
  SpatialDropout2D: (ctx) => ctx.inputs[0] as Value,
  GaussianNoise: (ctx) => ctx.inputs[0] as Value,
  GaussianDropout: (ctx) => ctx.inputs[0] as Value,
  AlphaDropout: (ctx) => ctx.inputs[0] as Value,
  ActivityRegularization: (ctx) => ctx.inputs[0] as Value,
};
