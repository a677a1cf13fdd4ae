// The catalog's npm-shipped models, as the product fetches them: each one's recorded preprocessing gives the
// right ImageNet class for the sample photos their package ships (a giant panda, a sports car), on
// TensorFlow.js and, converted, on ONNX Runtime.
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../src/backend.js";
import { loadBaseModel } from "../src/formats/load-base-model.js";
import { decodeImage } from "../src/images/decode-image.js";
import { ensureOnnxBaseModel } from "../src/inference/onnx-cache.js";
import { catalogEntry } from "../src/models/catalog.js";
import { cachedModelDir } from "../src/models/model-cache.js";
import { createOnnxSession } from "../src/onnx/onnx-runtime.js";
import { npmModelCache, npmSamples, tempDir } from "./fixtures.js";

const argmax = (x: ArrayLike<number>) =>
  Array.from(x).reduce((best, v, i, all) => (v > (all[best] ?? 0) ? i : best), 0);

describe("the npm-shipped catalog models' preprocessing", () => {
  let cacheDir: string;
  let samples: Awaited<ReturnType<typeof npmSamples>>;
  beforeAll(async () => {
    await initBackend("auto");
    cacheDir = await npmModelCache();
    samples = await npmSamples();
  }, 600_000);

  // The classifier each network ends with, instead of the bottleneck: its top-1 shows the input is right.
  const CLASSIFIERS = [
    { id: "efficientnet_b0_224", output: "Identity" },
    { id: "resnet50_224", output: "fc1000" },
  ];

  for (const { id, output } of CLASSIFIERS)
    it(`${id}: a giant panda and a sports car, on TensorFlow.js and on ONNX Runtime alike`, async () => {
      const entry = catalogEntry(id);
      if (!entry) throw new Error(`${id} is not in the catalog`);
      const spec = { ...entry, bottleneck: output };
      const dir = cachedModelDir(cacheDir, entry);
      const base = await loadBaseModel(spec, dir);
      const converted = await ensureOnnxBaseModel(spec, dir, await tempDir("preprocessing-onnx"));
      if ("unsupported" in converted) throw new Error(converted.unsupported);
      const session = await createOnnxSession(converted.path);
      try {
        for (const [photo, expected] of [
          [samples.panda, "giant panda"],
          [samples.car, "sports car"],
        ] as const) {
          const { pixels } = await decodeImage(photo, "sample.jpg", { size: 224, resize: "center-crop" });
          const probabilities = tf.tidy(() =>
            base.extract(tf.tensor4d(Int32Array.from(pixels), [1, 224, 224, 3], "int32")).dataSync(),
          );
          expect(samples.classNames[argmax(probabilities)]).toContain(expected);
          const onnx = await session.run(pixels, [1, 224, 224, 3]);
          expect(argmax(onnx)).toBe(argmax(probabilities));
        }
      } finally {
        base.dispose();
        await session.dispose();
      }
    }, 300_000);
});
