import * as tf from "@tensorflow/tfjs";
import type { BaseModel } from "../formats/load-base-model.js";
import type { PixelExtractor } from "./pixel-extractor.js";

/** On a TensorFlow.js backend, the whole batch in one call. */
export function tfjsExtractor(base: BaseModel): PixelExtractor {
  const size = base.spec.inputSize;
  return {
    spec: base.spec,
    async run(pixels, n) {
      const out = tf.tidy(() => base.extract(tf.tensor4d(Int32Array.from(pixels), [n, size, size, 3], "int32")));
      const data = (await out.data()) as Float32Array;
      out.dispose();
      return data;
    },
    dispose: async () => base.dispose(),
  };
}
