import * as tf from "@tensorflow/tfjs";

export interface HeadOptions {
  featureDim: number;
  numClasses: number;
  /** Units of an optional hidden layer (ReLU); 0 for retrain.py's single softmax layer. */
  hiddenUnits?: number;
  /** Dropout before the output layer, when there is a hidden layer. */
  dropout?: number;
  seed?: number;
}

/** The new final layer(s) trained on bottleneck vectors: [n, featureDim] in, class probabilities out. */
export function createHeadModel(options: HeadOptions): tf.Sequential {
  const seed = options.seed ?? 42;
  const model = tf.sequential({ name: "head" });
  const hidden = options.hiddenUnits ?? 0;
  if (hidden > 0) {
    model.add(
      tf.layers.dense({
        inputShape: [options.featureDim],
        units: hidden,
        activation: "relu",
        kernelInitializer: tf.initializers.heNormal({ seed }),
        name: "hidden",
      }),
    );
    model.add(tf.layers.dropout({ rate: options.dropout ?? 0.2, seed: seed + 1, name: "dropout" }));
  }
  model.add(
    tf.layers.dense({
      ...(hidden > 0 ? {} : { inputShape: [options.featureDim] }),
      units: options.numClasses,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
      name: "final_result", // retrain.py's name for the new layer
    }),
  );
  return model;
}
