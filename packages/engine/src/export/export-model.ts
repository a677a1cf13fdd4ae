import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { Calibration } from "../calibration/calibration.js";
import type { Preprocessing } from "../checkpoints/checkpoint.js";
import { formatOf } from "../formats/formats.js";
import type { ExportMeta } from "../formats/model-format.js";
import type { PixelTransform } from "../images/normalization.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { readModelFolder } from "../models/model-files.js";

/** What goes with an export: labels, preprocessing and the calibration's temperature and threshold. */
export function exportMeta(labels: string[], preprocessing: Preprocessing, calibration?: Calibration): ExportMeta {
  return {
    labels,
    preprocessing,
    ...(calibration ? { temperature: calibration.temperature, abstentionThreshold: calibration.threshold } : {}),
  };
}

/**
 * Writes base and head for TensorFlow.js users: a layers base as one model classifying raw pixels, a graph base
 * as the base and the head side by side with a three-line loader (see the formats).
 */
export async function exportModel(
  dir: string,
  base: { spec: BaseModelSpec; dir: string },
  head: tf.LayersModel,
  meta: ExportMeta,
): Promise<void> {
  const files = await readModelFolder(base.dir);
  await formatOf(files.json).exportTfjs(dir, base.spec, files, head, meta);
}

/** An exported model loaded back: raw pixels [n, size, size, 3] (0..255, as floats) to class probabilities. */
export interface ExportedModel {
  labels: string[];
  preprocessing: Preprocessing;
  predict(pixels: tf.Tensor4D): tf.Tensor2D;
  /** The same from decoded RGB bytes (n images of size x size), for callers without TensorFlow.js at hand. */
  probabilities(pixels: Uint8Array, n: number): Float32Array;
  dispose(): void;
}

/** Adds `probabilities` to a loaded export's predict. */
function withBytes(model: Omit<ExportedModel, "probabilities">): ExportedModel {
  const size = model.preprocessing.inputSize;
  return {
    ...model,
    probabilities: (pixels, n) =>
      tf.tidy(
        () => model.predict(tf.tensor4d(Float32Array.from(pixels), [n, size, size, 3])).dataSync() as Float32Array,
      ),
  };
}

/** Loads an export folder of either kind (one layers model, or a graph base beside a head). */
export async function loadExportedModel(dir: string): Promise<ExportedModel> {
  if (!existsSync(path.join(dir, "retrained.json"))) {
    const { artifacts, json } = await readModelFolder(dir);
    const meta = json.userDefinedMetadata as { labels: string[]; preprocessing: Preprocessing };
    const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    return withBytes({ ...meta, predict: (x) => model.predict(x) as tf.Tensor2D, dispose: () => model.dispose() });
  }
  const meta = JSON.parse(await readFile(path.join(dir, "retrained.json"), "utf8")) as ExportMeta & {
    preprocessing: Preprocessing;
    bottleneck: string;
    pixels: PixelTransform;
  };
  const base = await tf.loadGraphModel(tf.io.fromMemory((await readModelFolder(path.join(dir, "base"))).artifacts));
  const head = await tf.loadLayersModel(tf.io.fromMemory((await readModelFolder(path.join(dir, "head"))).artifacts));
  const { scale, offset, order } = meta.pixels;
  return withBytes({
    labels: meta.labels,
    preprocessing: meta.preprocessing,
    predict: (pixels) =>
      tf.tidy(() => {
        const ordered = order[0] === 2 ? tf.reverse(pixels, 3) : pixels;
        const features = base.execute(ordered.mul(scale).add(tf.tensor1d(offset)), meta.bottleneck) as tf.Tensor;
        return head.predict(features.rank === 4 ? features.mean([1, 2]) : features) as tf.Tensor2D;
      }),
    dispose: () => {
      base.dispose();
      head.dispose();
    },
  });
}
