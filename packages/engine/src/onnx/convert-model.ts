import type * as tf from "@tensorflow/tfjs";
import { UnsupportedLayerError } from "./conversion-errors.js";
import { type LayerConfig, type LayerContext, materialize, type Value } from "./layer-context.js";
import { CONVERTERS } from "./layer-converters.js";
import type { OnnxGraph } from "./onnx-graph.js";

type InboundNode = [string, number, number, unknown][];
interface LayerEntry {
  name: string;
  className: string;
  inboundNodes?: InboundNode[];
}

function withoutBatch(shape: tf.Shape | tf.Shape[]): number[] {
  const one = Array.isArray(shape[0]) ? (shape as tf.Shape[])[0] : (shape as tf.Shape);
  return (one ?? []).slice(1).map((d) => d ?? -1);
}

/**
 * Emits ONNX nodes computing `model` on `input`, layer by layer in the model's own order, and returns the
 * output value. Throws UnsupportedLayerError for a layer it does not know.
 */
export function convertLayersModel(graph: OnnxGraph, model: tf.LayersModel, input: Value): Value {
  const topology = model.getConfig() as unknown as { layers: (LayerEntry & { config?: { name?: string } })[] };
  // A Sequential's config names each layer inside its own config.
  const entries: LayerEntry[] = topology.layers.map((e) => ({ ...e, name: e.name ?? e.config?.name ?? "" }));
  const sequential = entries.every((e) => e.inboundNodes === undefined);
  const inboundOf = (entry: LayerEntry, i: number): string[] =>
    sequential ? (i === 0 ? [] : [entries[i - 1]?.name ?? ""]) : (entry.inboundNodes?.[0] ?? []).map(([name]) => name);
  const consumers = new Map<string, string[]>();
  entries.forEach((entry, i) => {
    for (const source of inboundOf(entry, i)) consumers.set(source, [...(consumers.get(source) ?? []), entry.name]);
  });
  const values = new Map<string, Value>();
  const absorbed = new Set<string>();
  let last = input;
  entries.forEach((entry, i) => {
    const layer = model.getLayer(entry.name);
    if (absorbed.has(entry.name)) return;
    const sources = inboundOf(entry, i);
    const inputs = sources.length ? sources.map((s) => values.get(s) as Value) : [last];
    if (entry.className === "InputLayer") {
      values.set(entry.name, input);
      return;
    }
    const convert = CONVERTERS[entry.className];
    if (!convert) throw new UnsupportedLayerError(entry.name, entry.className);
    const next = consumers.get(entry.name) ?? [];
    const context: LayerContext = {
      graph,
      layer,
      className: entry.className,
      config: layer.getConfig() as LayerConfig,
      inputs,
      outputShape: withoutBatch(layer.outputShape),
      weight: (suffix) => {
        const found = layer.weights.find((w) => w.originalName.split("/").pop() === suffix);
        return found ? { data: found.read().dataSync() as Float32Array, shape: found.shape as number[] } : undefined;
      },
      soleConsumer: () => {
        const only = next.length === 1 ? next[0] : undefined;
        if (!only) return undefined;
        const consumer = model.getLayer(only);
        const className = entries.find((e) => e.name === only)?.className ?? "";
        return { layer: consumer, className, config: consumer.getConfig() as LayerConfig };
      },
      absorbConsumer: () => {
        const only = next[0];
        if (only) absorbed.add(only);
      },
      materialize: (value) => materialize(graph, value),
    };
    const output = convert(context);
    values.set(entry.name, output);
    const consumer = next[0];
    if (consumer && absorbed.has(consumer)) values.set(consumer, output);
    last = output;
  });
  const outputLayer =
    (model.outputs[0] as tf.SymbolicTensor | undefined)?.sourceLayer.name ?? entries.at(-1)?.name ?? "";
  const output = values.get(outputLayer) ?? last;
  return { ...output, name: materialize(graph, output) };
}
