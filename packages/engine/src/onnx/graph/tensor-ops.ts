import { UnsupportedOpError } from "../conversion-errors.js";
import { fusedActivation } from "./conv-ops.js";
import { attrs } from "./graph-nodes.js";
import {
  broadcastShapes,
  type Constant,
  constantAgainst,
  constInput,
  type GraphValue,
  isImage,
  type OpContext,
  type OpConverter,
  onnxAxis,
  type Tensor,
  tensorInput,
} from "./graph-values.js";

const refuse = (ctx: OpContext) => (why: string) => new UnsupportedOpError(ctx.node.name, ctx.node.op, why);

const FOLD: Record<string, (a: number, b: number) => number> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
  Max: Math.max,
  Min: Math.min,
};

/** Two constants combined now (scalars with anything, or equal shapes). */
function fold(ctx: OpContext, op: string, a: Constant, b: Constant): Constant {
  const f = FOLD[op];
  const [big, small] = a.data.length >= b.data.length ? [a, b] : [b, a];
  if (!f || (small.data.length !== 1 && small.data.length !== big.data.length))
    throw refuse(ctx)("constants that do not broadcast simply");
  const at = (c: Constant, i: number) => Number(c.data[c.data.length === 1 ? 0 : i] ?? 0);
  const data = Float32Array.from({ length: big.data.length }, (_, i) => f(at(a, i), at(b, i)));
  return { kind: "const", data, shape: big.shape };
}

/** Elementwise ops between tensors and constants, with TensorFlow's broadcasting kept in the ONNX layout. */
function binary(op: keyof typeof FOLD): OpConverter {
  return (ctx) => {
    const [a, b] = ctx.inputs;
    if (!a || !b || a.kind === "shape" || b.kind === "shape") throw refuse(ctx)("inputs must be tensors or constants");
    if (a.kind === "const" && b.kind === "const") return fold(ctx, op, a, b);
    const tensor = (a.kind === "tensor" ? a : b) as Tensor;
    const operand = (v: GraphValue, i: number) =>
      v.kind === "tensor" ? v.name : constantAgainst(ctx.graph, v as Constant, tensor, `${ctx.node.name}/${i}`);
    if (a.kind === "tensor" && b.kind === "tensor" && a.shape.length !== b.shape.length)
      throw refuse(ctx)("tensors of different ranks");
    const other =
      a.kind === "tensor" && b.kind === "tensor" ? b.shape : (a.kind === "const" ? a : (b as Constant)).shape;
    const name = ctx.graph.node(op, [operand(a, 0), operand(b, 1)], ctx.node.name);
    return { kind: "tensor", name, shape: broadcastShapes(tensor.shape, other.slice(-tensor.shape.length)) };
  };
}

function unary(op: string): OpConverter {
  return (ctx) => {
    const x = tensorInput(ctx, 0, refuse(ctx));
    return { kind: "tensor", name: fusedActivation(ctx.graph, ctx.node, op, x.name), shape: x.shape };
  };
}

/** Mean over axes (global average pooling, squeeze-and-excite). */
const mean: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const x = tensorInput(ctx, 0, fail);
  const axes = Array.from(constInput(ctx, 1, fail).data).map(Number);
  const keep = attrs.bool(ctx.node, "keep_dims");
  if (axes.includes(0) || axes.some((a) => a === -(x.shape.length + 1))) throw fail("mean over the batch");
  const spatial =
    isImage(x) &&
    [...axes]
      .map((a) => (a < 0 ? 4 + a : a))
      .sort()
      .join() === "1,2";
  if (spatial) {
    // GlobalAveragePool runs in ONNX Runtime's blocked layout with the convolutions around it; ReduceMean
    // would make it reorder the tensor before and after (measured: 5% of EfficientNet-B0's time).
    const pooled4d = ctx.graph.node("GlobalAveragePool", [x.name], `${ctx.node.name}/pool`);
    const channels = x.shape[2] ?? 0;
    if (keep) return { kind: "tensor", name: pooled4d, shape: [1, 1, channels] };
    // Read only by reshapes back to [1, 1, C]: the vector itself is never needed.
    const vector = ctx.readers.every((op) => op === "Reshape")
      ? pooled4d
      : ctx.graph.node("Flatten", [pooled4d], ctx.node.name);
    return { kind: "tensor", name: vector, shape: [channels], pooled4d };
  }
  const name = ctx.graph.node("ReduceMean", [x.name], ctx.node.name, {
    axes: axes.map((a) => onnxAxis(a, x)),
    keepdims: keep ? 1 : 0,
  });
  const tfAxes = new Set(axes.map((a) => (a < 0 ? x.shape.length + 1 + a : a) - 1));
  const shape = keep ? x.shape.map((d, i) => (tfAxes.has(i) ? 1 : d)) : x.shape.filter((_, i) => !tfAxes.has(i));
  // An image averaged down to [1, 1, C] stays 4-D in ONNX; without keep_dims only channels [C] are left.
  if (!keep && shape.length !== 1 && shape.length !== 3) throw fail("a mean that leaves a partial image");
  return { kind: "tensor", name, shape };
};

/** [C] ↔ [1, 1, C] and [H, W, C] → [H*W*C]: the reshapes image models use, kept in the ONNX layout. */
const reshape: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const x = tensorInput(ctx, 0, fail);
  const target = ctx.inputs[1];
  const dims = target?.kind === "shape" ? target.dims : target?.kind === "const" ? Array.from(target.data) : undefined;
  if (!dims) throw fail("an unknown target shape");
  const rest = dims.slice(1).map(Number);
  const g = ctx.graph;
  const size = x.shape.reduce((a, b) => a * b, 1);
  if (x.shape.length === 1 && rest.length === 3 && rest[0] === 1 && rest[1] === 1) {
    if (x.pooled4d) return { kind: "tensor", name: x.pooled4d, shape: [1, 1, x.shape[0] ?? 0] };
    const name = g.node("Unsqueeze", [x.name, g.ints(`${ctx.node.name}/axes`, [2, 3])], ctx.node.name);
    return { kind: "tensor", name, shape: [1, 1, x.shape[0] ?? 0] };
  }
  if (isImage(x) && rest.length === 1 && (rest[0] === -1 || rest[0] === size)) {
    // Channels-last order: a flattened image must list pixels before channels, as TensorFlow does.
    const spatial = (x.shape[0] ?? 1) * (x.shape[1] ?? 1) > 1;
    const source = spatial ? g.node("Transpose", [x.name], `${ctx.node.name}/nhwc`, { perm: [0, 2, 3, 1] }) : x.name;
    return { kind: "tensor", name: g.node("Flatten", [source], ctx.node.name), shape: [size] };
  }
  throw fail(`from [${x.shape.join(", ")}] to [${rest.join(", ")}]`);
};

const squeeze: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const x = tensorInput(ctx, 0, fail);
  const dims = attrs.ints(ctx.node, "squeeze_dims");
  const ones = x.shape.map((d, i) => (d === 1 ? i + 1 : -1)).filter((i) => i > 0);
  const axes = dims.length ? dims.map((a) => (a < 0 ? x.shape.length + 1 + a : a)) : ones;
  if (!isImage(x) || axes.sort().join() !== "1,2") throw fail("only the spatial axes of a 1x1 image");
  const name = ctx.graph.node("Squeeze", [x.name, ctx.graph.ints(`${ctx.node.name}/axes`, [2, 3])], ctx.node.name);
  return { kind: "tensor", name, shape: [x.shape[2] ?? 0] };
};

const concat: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const axis = Number(constInput(ctx, ctx.inputs.length - 1, fail).data[0] ?? -1);
  const parts = ctx.inputs.slice(0, -1).map((_, i) => tensorInput(ctx, i, fail));
  const first = parts[0] as Tensor;
  const onnx = onnxAxis(axis, first);
  const tfAxis = (axis < 0 ? first.shape.length + 1 + axis : axis) - 1;
  const shape = first.shape.map((d, i) => (i === tfAxis ? parts.reduce((sum, p) => sum + (p.shape[i] ?? 0), 0) : d));
  return {
    kind: "tensor",
    name: ctx.graph.node(
      "Concat",
      parts.map((p) => p.name),
      ctx.node.name,
      { axis: onnx },
    ),
    shape,
  };
};

const pad: OpConverter = (ctx) => {
  const fail = refuse(ctx);
  const x = tensorInput(ctx, 0, fail);
  const p = Array.from(constInput(ctx, 1, fail).data).map(Number);
  if (!isImage(x) || p[0] || p[1] || p[6] || p[7]) throw fail("only spatial padding of images");
  const [t = 0, b = 0, l = 0, r = 0] = p.slice(2, 6);
  const g = ctx.graph;
  const mode = ctx.node.op === "MirrorPad" ? attrs.string(ctx.node, "mode")?.toLowerCase() : "constant";
  if (mode !== "constant" && mode !== "reflect") throw fail(`mode ${mode}`);
  const inputs = [x.name, g.ints(`${ctx.node.name}/pads`, [0, 0, t, l, 0, 0, b, r])];
  if (ctx.node.op === "PadV2")
    inputs.push(g.weight(`${ctx.node.name}/value`, Float32Array.of(Number(constInput(ctx, 2, fail).data[0] ?? 0)), []));
  const name = g.node("Pad", inputs, ctx.node.name, { mode });
  return { kind: "tensor", name, shape: [(x.shape[0] ?? 0) + t + b, (x.shape[1] ?? 0) + l + r, x.shape[2] ?? 0] };
};

const softmax: OpConverter = (ctx) => {
  const x = tensorInput(ctx, 0, refuse(ctx));
  if (isImage(x)) throw refuse(ctx)("a softmax over an image");
  return { kind: "tensor", name: ctx.graph.node("Softmax", [x.name], ctx.node.name, { axis: -1 }), shape: x.shape };
};

export const TENSOR_OPS: Record<string, OpConverter> = {
  Add: binary("Add"),
  AddV2: binary("Add"),
  BiasAdd: binary("Add"),
  Sub: binary("Sub"),
  Mul: binary("Mul"),
  RealDiv: binary("Div"),
  Div: binary("Div"),
  Maximum: binary("Max"),
  Minimum: binary("Min"),
  Relu: unary("Relu"),
  Relu6: unary("Relu6"),
  Elu: unary("Elu"),
  LeakyRelu: unary("LeakyRelu"),
  Sigmoid: unary("Sigmoid"),
  Tanh: unary("Tanh"),
  Mean: mean,
  Reshape: reshape,
  Squeeze: squeeze,
  ConcatV2: concat,
  Pad: pad,
  PadV2: pad,
  MirrorPad: pad,
  Softmax: softmax,
};
