import type * as tf from "@tensorflow/tfjs";

/**
 * Floating-point operations of one image through a layers model, counting multiply and add as two:
 * convolutions (grouped ones included) and dense layers, which are all but a sliver of a CNN's work.
 */
export function countFlops(model: tf.LayersModel): number {
  let flops = 0;
  for (const layer of model.layers) {
    const out = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
    const kernel = layer.weights.find((w) => /(depthwise_)?kernel$/.test(w.originalName))?.shape as
      | number[]
      | undefined;
    if (!kernel) continue;
    const outputs = out.slice(1, -1).reduce<number>((a, b) => a * (b ?? 1), 1);
    const className = layer.getClassName();
    if (className === "Conv2D") flops += 2 * outputs * kernel.reduce((a, b) => a * b, 1);
    else if (className === "DepthwiseConv2D") flops += 2 * outputs * kernel.reduce((a, b) => a * b, 1);
    else if (className === "Dense") flops += 2 * (kernel[0] ?? 0) * (kernel[1] ?? 0);
  }
  return flops;
}
