import onnxProto, { type onnx as Onnx } from "onnx-proto";

// onnx-proto is CommonJS: its namespace comes through the default export.
const { onnx } = onnxProto;

/** ONNX operator set the converter writes: 14 has HardSwish and Relu/Clip as used here; ORT runs it natively. */
export const OPSET = 14;

/** An attribute's value; `{ float }` keeps a whole number a float (ONNX types attributes strictly). */
type Attribute = number | number[] | string | { tensor: Onnx.ITensorProto } | { float: number };

/** Builds one ONNX graph: nodes in order, weights as initializers, every value name unique. */
export class OnnxGraph {
  readonly nodes: Onnx.INodeProto[] = [];
  readonly initializers: Onnx.ITensorProto[] = [];
  /** Floating-point operations of one image through what is built (multiply and add counted as two). */
  flops = 0;
  private readonly used = new Set<string>();

  /** A fresh value name from `hint` (layer names are unique; helper values get a suffix). */
  name(hint: string): string {
    let name = hint.replace(/[^\w./:-]/g, "_");
    for (let i = 2; this.used.has(name); i++) name = `${hint}_${i}`;
    this.used.add(name);
    return name;
  }

  /** A float32 weight (or constant) as an initializer; returns its value name. */
  weight(hint: string, values: Float32Array, dims: number[]): string {
    const name = this.name(hint);
    this.initializers.push({
      name,
      dims,
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    });
    return name;
  }

  /** An int64 constant (shapes, axes, pads) as an initializer. */
  ints(hint: string, values: number[]): string {
    const name = this.name(hint);
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push({
      name,
      dims: [values.length],
      dataType: onnx.TensorProto.DataType.INT64,
      rawData: new Uint8Array(data.buffer),
    });
    return name;
  }

  /** Adds a node; returns its (first) output name, made from `hint`. */
  node(op: string, inputs: string[], hint: string, attributes: Record<string, Attribute> = {}): string {
    const output = this.name(hint);
    this.nodes.push({
      opType: op,
      input: inputs,
      output: [output],
      name: this.name(`${hint}/${op}`),
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return output;
  }
}

function attribute(name: string, value: Attribute): Onnx.IAttributeProto {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof value === "string") return { name, type: A.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: A.INTS, ints: value };
  if (typeof value === "object" && "float" in value) return { name, type: A.FLOAT, f: value.float };
  if (typeof value === "object") return { name, type: A.TENSOR, t: value.tensor };
  return Number.isInteger(value) ? { name, type: A.INT, i: value } : { name, type: A.FLOAT, f: value };
}

export interface GraphIO {
  name: string;
  type: "float32" | "uint8";
  /** Dimensions; a string is a symbolic dimension (the batch). */
  shape: (number | string)[];
}

function valueInfo(io: GraphIO): Onnx.IValueInfoProto {
  const elemType = io.type === "uint8" ? onnx.TensorProto.DataType.UINT8 : onnx.TensorProto.DataType.FLOAT;
  return {
    name: io.name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: io.shape.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

/** The graph as a serialized ONNX model, with its metadata (labels, preprocessing) as properties. */
export function encodeModel(
  graph: OnnxGraph,
  io: { inputs: GraphIO[]; outputs: GraphIO[]; name: string; metadata?: Record<string, string> },
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: "retrain-studio",
    opsetImport: [{ domain: "", version: OPSET }],
    metadataProps: Object.entries(io.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: io.name,
      node: graph.nodes,
      initializer: graph.initializers,
      input: io.inputs.map(valueInfo),
      output: io.outputs.map(valueInfo),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
