import { UnsupportedOpError } from "../conversion-errors.js";
import { attrs } from "./graph-nodes.js";
import type { GraphValue, OpContext, OpConverter } from "./graph-values.js";

/**
 * Ops that compute shapes, evaluated now: with the input size fixed, every shape but the batch is known, so
 * Shape → StridedSlice → Pack → Reshape (squeeze-and-excite blocks) becomes a known target shape, and
 * BroadcastTo of a constant becomes the constant (ONNX broadcasts it the same way).
 */
const refuse = (ctx: OpContext, why: string) => new UnsupportedOpError(ctx.node.name, ctx.node.op, why);

/** A value as a list of known dimensions, if it is one (a shape vector, or a constant of integers). */
function dimsOf(value: GraphValue | undefined): (number | "batch")[] | undefined {
  if (value?.kind === "shape") return value.dims;
  if (value?.kind === "const") return Array.from(value.data);
  return undefined;
}

const shapeOp: OpConverter = (ctx) => {
  const input = ctx.inputs[0];
  if (input?.kind === "tensor") return { kind: "shape", dims: ["batch", ...input.shape] };
  if (input?.kind === "const") return { kind: "shape", dims: [...input.shape] };
  throw refuse(ctx, "the shape of a shape");
};

const stridedSlice: OpConverter = (ctx) => {
  const dims = dimsOf(ctx.inputs[0]);
  const [begin, end, strides] = [1, 2, 3].map((i) => dimsOf(ctx.inputs[i]));
  if (!dims || !begin || !end || begin.length !== 1) throw refuse(ctx, "only 1-D slices of known shapes");
  for (const mask of ["ellipsis_mask", "new_axis_mask"]) if (attrs.int(ctx.node, mask) !== 0) throw refuse(ctx, mask);
  const step = Number(strides?.[0] ?? 1);
  const at = (v: number | "batch" | undefined) => {
    const n = Number(v ?? 0);
    return n < 0 ? dims.length + n : n;
  };
  const from = attrs.int(ctx.node, "begin_mask") & 1 ? 0 : at(begin[0]);
  if (attrs.int(ctx.node, "shrink_axis_mask") & 1) return { kind: "shape", dims: [dims[from] ?? 0], scalar: true };
  const to = attrs.int(ctx.node, "end_mask") & 1 ? dims.length : at(end[0]);
  const picked: (number | "batch")[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) picked.push(dims[i] ?? 0);
  return { kind: "shape", dims: picked };
};

const pack: OpConverter = (ctx) => {
  if (attrs.int(ctx.node, "axis") !== 0) throw refuse(ctx, "only along axis 0");
  const dims = ctx.inputs.map((value) => {
    const d = dimsOf(value);
    if (d?.length !== 1) throw refuse(ctx, "only scalars");
    return d[0] ?? 0;
  });
  return { kind: "shape", dims };
};

const broadcastTo: OpConverter = (ctx) => {
  const input = ctx.inputs[0];
  if (input?.kind !== "const") throw refuse(ctx, "only of constants");
  return input;
};

const identity: OpConverter = (ctx) => {
  const input = ctx.inputs[0];
  if (!input) throw refuse(ctx, "no input");
  return input;
};

export const SHAPE_OPS: Record<string, OpConverter> = {
  Shape: shapeOp,
  StridedSlice: stridedSlice,
  Pack: pack,
  BroadcastTo: broadcastTo,
  Identity: identity,
  StopGradient: identity,
  Snapshot: identity,
};
