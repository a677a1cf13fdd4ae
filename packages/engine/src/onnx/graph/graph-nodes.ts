import * as tf from "@tensorflow/tfjs";
import type { ModelJson } from "../../models/model-json.js";
import { UnsupportedOpError } from "../conversion-errors.js";

/** One attribute of a GraphDef node, as TensorFlow.js's converter writes it in model.json. */
export interface NodeAttr {
  s?: string;
  i?: string | number;
  f?: number;
  b?: boolean;
  type?: string;
  list?: { i?: (string | number)[]; s?: string[]; f?: number[] };
}

/** A node of a TensorFlow.js graph model: its op and the names of the nodes it reads (data inputs only). */
export interface GraphNode {
  name: string;
  op: string;
  inputs: string[];
  attr: Record<string, NodeAttr>;
}

/** A weight of the graph (a Const node's value), whole. */
export interface GraphConstant {
  data: Float32Array | Int32Array;
  shape: number[];
}

interface RawNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, NodeAttr>;
}

/** The graph's nodes, control inputs (`^name`) left out and output suffixes (`:0`) removed. */
export function graphNodes(json: ModelJson): Map<string, GraphNode> {
  const topology = json.modelTopology as { node?: RawNode[] };
  const nodes = new Map<string, GraphNode>();
  for (const raw of topology.node ?? []) {
    const inputs = (raw.input ?? []).filter((i) => !i.startsWith("^"));
    for (const input of inputs) {
      const index = input.match(/:(\d+)$/)?.[1];
      // Only ops' first outputs are used by the image models converted here (FusedBatchNorm's others are not).
      if (index && index !== "0") throw new UnsupportedOpError(raw.name, raw.op, `reads output ${index} of ${input}`);
    }
    nodes.set(raw.name, {
      name: raw.name,
      op: raw.op,
      inputs: inputs.map((i) => i.replace(/:\d+$/, "")),
      attr: raw.attr ?? {},
    });
  }
  return nodes;
}

/** The nodes `output` depends on, each after its inputs: what the converter must emit, in order. */
export function nodesFor(nodes: Map<string, GraphNode>, output: string): GraphNode[] {
  const ordered: GraphNode[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done") return;
    const node = nodes.get(name);
    if (!node) throw new UnsupportedOpError(name, "?", "the graph has no such node");
    if (state.get(name) === "visiting") throw new UnsupportedOpError(name, node.op, "the graph has a cycle");
    state.set(name, "visiting");
    // Iterative over inputs, recursive over depth: image models are a few hundred nodes deep at most.
    for (const input of node.inputs) visit(input);
    state.set(name, "done");
    ordered.push(node);
  };
  visit(output);
  return ordered;
}

/** Every weight of the model by name, decoded (quantized weights included) into plain typed arrays. */
export function graphConstants(artifacts: tf.io.ModelArtifacts): Map<string, GraphConstant> {
  const tensors = tf.io.decodeWeights(artifacts.weightData ?? new ArrayBuffer(0), artifacts.weightSpecs ?? []);
  const constants = new Map<string, GraphConstant>();
  for (const [name, tensor] of Object.entries(tensors)) {
    const data = tensor.dataSync();
    if (data instanceof Float32Array || data instanceof Int32Array)
      constants.set(name, { data: data.slice(), shape: [...tensor.shape] });
    tensor.dispose();
  }
  return constants;
}

const decode = (s: string) => Buffer.from(s, "base64").toString("utf8");

/** Attribute readers: strings are base64 in model.json, integers are decimal strings. */
export const attrs = {
  string: (node: GraphNode, key: string) => (node.attr[key]?.s ? decode(node.attr[key].s) : undefined),
  strings: (node: GraphNode, key: string) => (node.attr[key]?.list?.s ?? []).map(decode),
  ints: (node: GraphNode, key: string) => (node.attr[key]?.list?.i ?? []).map(Number),
  int: (node: GraphNode, key: string, fallback = 0) => Number(node.attr[key]?.i ?? fallback),
  float: (node: GraphNode, key: string, fallback = 0) => Number(node.attr[key]?.f ?? fallback),
  bool: (node: GraphNode, key: string) => node.attr[key]?.b === true,
};
