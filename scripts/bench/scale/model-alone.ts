import { readdir } from "node:fs/promises";
import path from "node:path";
import { networkAlone } from "../../../packages/engine/bench/network-alone.js";
import { everyCore, pinTo, ratioOf } from "./pinning.js";

/** The ONNX graph a worker converted into its model cache (the cache holds this one model). */
export async function convertedModel(modelCacheDir: string) {
  const file = (await readdir(path.join(modelCacheDir, "onnx"))).find((f) => f.endsWith(".onnx"));
  if (!file) throw new Error(`no converted model in ${modelCacheDir}`);
  return path.join(modelCacheDir, "onnx", file);
}

/**
 * What the machine's two cores give the network alone, in the same minute as the product's runs: one ONNX
 * Runtime thread on core 0 (this process pinned there), then two threads side by side on both cores; no
 * decoding, no storing. These shared cores scale unevenly from minute to minute (1.7x to 2x measured in a
 * row), so the product's ratio is read against this one.
 */
export async function modelAloneScaling(onnxPath: string, photos: string[]) {
  pinTo(process.pid, "0");
  const one = Math.round(await networkAlone(onnxPath, 224, photos, 1));
  pinTo(process.pid, everyCore);
  const two = Math.round(await networkAlone(onnxPath, 224, photos, 2));
  return { one, two, ratio: ratioOf(two, one) };
}
