import type { ModelJson } from "../../models/model-json.js";
import { UnsupportedOpError } from "../conversion-errors.js";
import type { OnnxGraph } from "../onnx-graph.js";
import { CONV_OPS } from "./conv-ops.js";
import { type GraphConstant, type GraphNode, graphNodes, nodesFor } from "./graph-nodes.js";
import type { GraphValue, OpConverter, Tensor } from "./graph-values.js";
import { SHAPE_OPS } from "./shape-ops.js";
import { TENSOR_OPS } from "./tensor-ops.js";

/** Every op the converter takes; any other names itself, and the model runs on TensorFlow.js instead. */
export const GRAPH_OPS: Record<string, OpConverter> = { ...CONV_OPS, ...TENSOR_OPS, ...SHAPE_OPS };

/** The node a graph model answers with when no bottleneck is named: its signature's output, else its last node. */
export function defaultOutputNode(json: ModelJson): string {
  const signature = json.signature as { outputs?: Record<string, { name?: string }> } | undefined;
  const first = Object.values(signature?.outputs ?? {})[0]?.name;
  if (first) return first.replace(/:\d+$/, "");
  const nodes = [...graphNodes(json).values()];
  const read = new Set(nodes.flatMap((n) => n.inputs));
  return nodes.filter((n) => !read.has(n.name) && n.op !== "Const").at(-1)?.name ?? "";
}

/**
 * Emits ONNX nodes computing a TensorFlow.js graph model (a GraphDef) from `input` up to `outputNode`, op by
 * op in dependency order. Only the nodes the output depends on are converted (a classifier's head past the
 * bottleneck is left out). Throws UnsupportedOpError naming the first node it cannot take.
 */
export function convertGraphModel(
  graph: OnnxGraph,
  json: ModelJson,
  constants: Map<string, GraphConstant>,
  input: Tensor,
  outputNode: string,
): Tensor {
  const values = new Map<string, GraphValue>();
  const order = nodesFor(graphNodes(json), outputNode);
  const readers = new Map<string, string[]>();
  for (const node of order)
    for (const input of node.inputs) readers.set(input, [...(readers.get(input) ?? []), node.op]);
  let placeholders = 0;
  const evaluate = (node: GraphNode): GraphValue => {
    if (node.op === "Placeholder") {
      if (++placeholders > 1) throw new UnsupportedOpError(node.name, node.op, "a second input");
      return input;
    }
    if (node.op === "Const") {
      const constant = constants.get(node.name);
      if (!constant) throw new UnsupportedOpError(node.name, node.op, "no weights for it in the manifest");
      return { kind: "const", ...constant };
    }
    const convert = GRAPH_OPS[node.op];
    if (!convert) throw new UnsupportedOpError(node.name, node.op);
    const inputs = node.inputs.map((name) => values.get(name) as GraphValue);
    return convert({
      graph,
      node,
      inputs,
      readers: node.name === outputNode ? ["output"] : (readers.get(node.name) ?? []),
    });
  };
  for (const node of order) values.set(node.name, evaluate(node));
  const output = values.get(outputNode);
  if (output?.kind !== "tensor")
    throw new UnsupportedOpError(outputNode, "output", "it is not computed from the input");
  return output;
}
