import { UnsupportedLayerError } from "./conversion-errors.js";
import type { LayerContext } from "./layer-context.js";

/** Keras activations by name; "linear" adds nothing. */
export function activate(ctx: LayerContext, name: string, input: string, hint: string): string {
  const g = ctx.graph;
  const scalar = (v: number) => g.weight(`${hint}/c`, Float32Array.of(v), []);
  switch (name) {
    case "linear":
      return input;
    case "relu":
      return g.node("Relu", [input], hint);
    case "relu6":
      return g.node("Clip", [input, scalar(0), scalar(6)], hint);
    case "sigmoid":
      return g.node("Sigmoid", [input], hint);
    case "tanh":
      return g.node("Tanh", [input], hint);
    case "elu":
      return g.node("Elu", [input], hint, { alpha: { float: 1 } });
    case "selu":
      return g.node("Selu", [input], hint);
    case "softplus":
      return g.node("Softplus", [input], hint);
    case "softsign":
      return g.node("Softsign", [input], hint);
    case "hardSigmoid":
    case "hard_sigmoid":
      return g.node("HardSigmoid", [input], hint, { alpha: 0.2, beta: 0.5 });
    case "hardSwish":
    case "hard_swish":
      return g.node("HardSwish", [input], hint);
    case "swish":
      return g.node("Mul", [input, g.node("Sigmoid", [input], `${hint}/sigmoid`)], hint);
    case "softmax":
      return g.node("Softmax", [input], hint, { axis: 1 });
    default:
      throw new UnsupportedLayerError(ctx.layer.name, `${ctx.className} (activation ${name})`);
  }
}
