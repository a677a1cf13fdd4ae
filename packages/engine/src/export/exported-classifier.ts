import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import onnxProto from "onnx-proto";
import yauzl from "yauzl";
import type { Preprocessing } from "../checkpoints/checkpoint.js";
import { EngineError } from "../errors.js";
import { decodeImage } from "../images/decode-image.js";
import { createOnnxSession } from "../onnx/onnx-runtime.js";
import { loadExportedModel } from "./export-model.js";

/** A trained classifier read back from what the product writes: labels, and probabilities for image bytes. */
export interface ExportedClassifier {
  labels: string[];
  preprocessing: Preprocessing;
  /** Where it runs: "onnxruntime" for an ONNX file, "tensorflow.js" for a TensorFlow.js export. */
  runsOn: string;
  /** Class probabilities in label order for one encoded image (JPEG, PNG, WebP...). */
  classify(bytes: Buffer, name: string): Promise<Float32Array>;
  dispose(): Promise<void>;
}

/**
 * Opens a classifier from any of the product's outputs: a `retrain` output folder (its `model/`), a
 * TensorFlow.js export folder, the dashboard's export zip, or an ONNX export (labels and preprocessing
 * travel in its metadata).
 */
export async function openExportedClassifier(source: string): Promise<ExportedClassifier> {
  if (!existsSync(source)) throw new EngineError(`${source}: no such file or folder`);
  if (source.endsWith(".onnx")) return openOnnx(source);
  if (source.endsWith(".zip")) {
    const dir = await unzipModel(source);
    const classifier = await openTfjs(dir).catch(async (error) => {
      await rm(dir, { recursive: true, force: true });
      throw error;
    });
    return { ...classifier, dispose: () => classifier.dispose().then(() => rm(dir, { recursive: true, force: true })) };
  }
  if ((await stat(source)).isDirectory()) {
    const modelDir = path.join(source, "model");
    return openTfjs(
      existsSync(path.join(modelDir, "model.json")) || existsSync(path.join(modelDir, "retrained.json"))
        ? modelDir
        : source,
    );
  }
  throw new EngineError(
    `${source}: expected a retrain output folder, an export folder, an export .zip or an .onnx file`,
  );
}

async function openTfjs(dir: string): Promise<ExportedClassifier> {
  if (!existsSync(path.join(dir, "model.json")) && !existsSync(path.join(dir, "retrained.json")))
    throw new EngineError(`${dir} holds no exported model (model.json or retrained.json)`);
  const model = await loadExportedModel(dir);
  const { inputSize: size, resize } = model.preprocessing;
  return {
    labels: model.labels,
    preprocessing: model.preprocessing,
    runsOn: "tensorflow.js",
    classify: async (bytes, name) => model.probabilities((await decodeImage(bytes, name, { size, resize })).pixels, 1),
    dispose: async () => model.dispose(),
  };
}

async function openOnnx(file: string): Promise<ExportedClassifier> {
  const bytes = new Uint8Array(await readFile(file));
  const metadata = new Map(onnxProto.onnx.ModelProto.decode(bytes).metadataProps.map((p) => [p.key, p.value]));
  const labels = metadata.get("labels");
  const preprocessing = metadata.get("preprocessing");
  if (!labels || !preprocessing)
    throw new EngineError(`${file} is not a Retrain Studio export: its metadata names no labels and preprocessing`);
  const meta = { labels: JSON.parse(labels) as string[], preprocessing: JSON.parse(preprocessing) as Preprocessing };
  const session = await createOnnxSession(bytes);
  const { inputSize: size, resize } = meta.preprocessing;
  return {
    ...meta,
    runsOn: "onnxruntime",
    classify: async (image, name) =>
      session.run((await decodeImage(image, name, { size, resize })).pixels, [1, size, size, 3]),
    dispose: () => session.dispose(),
  };
}

/** The `model/` folder of an export zip, written to a temporary folder (yauzl refuses paths leaving it). */
async function unzipModel(zipFile: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-label-"));
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, validateEntrySizes: true }, (e, z) =>
      e || !z ? reject(new EngineError(`${zipFile} is not a readable zip (${e?.message})`)) : resolve(z),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.startsWith("model/") || entry.fileName.endsWith("/")) return zip.readEntry();
      const target = path.join(dir, entry.fileName.slice("model/".length));
      zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return reject(e);
        mkdir(path.dirname(target), { recursive: true })
          .then(() => pipeline(stream, createWriteStream(target)))
          .then(() => zip.readEntry(), reject);
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  }).finally(() => zip.close());
  return dir;
}
