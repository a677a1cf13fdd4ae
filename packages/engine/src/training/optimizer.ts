import * as tf from "@tensorflow/tfjs";

export type OptimizerName = "sgd" | "adam";

export interface OptimizerConfig {
  name: OptimizerName;
  learningRate: number;
  /** SGD momentum (0 for plain SGD). */
  momentum?: number;
}

export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  if (config.name === "adam") return tf.train.adam(config.learningRate);
  return tf.train.momentum(config.learningRate, config.momentum ?? 0.9);
}

/** The optimizer's slots (moments, velocities, step) as encoded weights, so training can resume exactly. */
export async function saveOptimizerState(
  optimizer: tf.Optimizer,
): Promise<{ data: ArrayBuffer; specs: tf.io.WeightsManifestEntry[] }> {
  const named = await optimizer.getWeights();
  try {
    return await tf.io.encodeWeights(named);
  } finally {
    // The step counter comes back as a new scalar (the slots are the optimizer's own variables): free it.
    for (const { name, tensor } of named) if (name === "iter") tensor.dispose();
  }
}

export async function restoreOptimizerState(
  optimizer: tf.Optimizer,
  state: { data: ArrayBuffer; specs: tf.io.WeightsManifestEntry[] },
): Promise<void> {
  const map = tf.io.decodeWeights(state.data, state.specs);
  try {
    await optimizer.setWeights(state.specs.map((s) => ({ name: s.name, tensor: map[s.name] as tf.Tensor })));
  } finally {
    // setWeights copies the values into variables of its own: the decoded tensors are ours to free.
    tf.dispose(Object.values(map));
  }
}
