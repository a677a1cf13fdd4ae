import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { initBackend, isBackendName } from "../backend.js";
import { baseModelIdentity, type Checkpoint, restoreCheckpoint } from "../checkpoints/checkpoint.js";
import { writeCheckpointFolder } from "../checkpoints/checkpoint-files.js";
import { readImageFolder } from "../data/image-folder.js";
import { assignSplit, defaultGroupKey, type SplitName } from "../data/splits.js";
import { exportMeta, exportModel } from "../export/export-model.js";
import { exportOnnxModel } from "../export/export-onnx.js";
import { fileBottleneckStore } from "../extraction/bottleneck-store.js";
import { type ExtractionJob, type ExtractionProgress, extractBottlenecks } from "../extraction/extract-bottlenecks.js";
import { createExtractionPool } from "../extraction/worker-pool.js";
import { type BaseModel, loadBaseModel } from "../formats/load-base-model.js";
import type { Variant } from "../images/decode-image.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { resolveBaseModel } from "../models/resolve-base-model.js";
import { UnsupportedConversionError } from "../onnx/conversion-errors.js";
import type { EpochMetrics } from "../training/train-head.js";
import { VectorCollector } from "./collect-vectors.js";
import { DEFAULTS, type RetrainOptions } from "./retrain-options.js";
import { type RetrainSummary, summarize } from "./summary.js";
import { trainClassifier } from "./train-classifier.js";

export interface RetrainHooks {
  onStage?: (stage: "load" | "extract" | "train" | "evaluate" | "save", detail?: string) => void;
  onExtractProgress?: (progress: ExtractionProgress) => void;
  onEpoch?: (metrics: EpochMetrics, epochs: number) => void;
}

interface JobMeta {
  split: SplitName;
  label: number;
  name: string;
}

/** retrain.py end to end: extract (cached) bottlenecks, train the new head, evaluate, save, export. */
export async function retrain(options: RetrainOptions, hooks: RetrainHooks = {}): Promise<RetrainSummary> {
  const resize = options.resize ?? DEFAULTS.resize;
  const augment = options.augment ?? DEFAULTS.augment;
  const training = { ...DEFAULTS.training, ...options.training };
  const optimizerConfig = options.optimizer ?? DEFAULTS.optimizer;
  const headOptions = { ...DEFAULTS.head, ...options.head };

  hooks.onStage?.("load");
  // The head trains on TensorFlow.js: the backend asked for, or the fastest when the choice is ONNX Runtime's.
  const choice = options.backend ?? "auto";
  const headBackend = await initBackend(isBackendName(choice) ? choice : "auto");
  const folder = await readImageFolder(options.imageDir);
  const resolved = await resolveBaseModel(options.baseModel, {
    cacheDir: options.modelCacheDir,
    bottleneck: options.bottleneck,
    normalization: options.normalization,
  });
  const pool = await createExtractionPool({
    spec: resolved.spec,
    dir: resolved.dir,
    inference: choice,
    cacheDir: options.modelCacheDir,
    resize,
    threads: options.threads,
  });
  const store = fileBottleneckStore(
    path.join(options.bottleneckDir, `${pool.spec.id}-${pool.weightsHash.slice(0, 12)}-${resize}`),
  );

  const meta = new Map<ExtractionJob, JobMeta>();
  const splits = folder.files.map((f) => assignSplit(`${f.label}/${defaultGroupKey(f.path)}`, options.split));
  const variantsFor = (split: SplitName): Variant[] => (split === "train" ? ["original", ...augment] : ["original"]);
  const total = splits.reduce((sum, s) => sum + variantsFor(s).length, 0);
  async function* jobs(): AsyncGenerator<ExtractionJob> {
    for (const [i, file] of folder.files.entries()) {
      const bytes = await readFile(file.path);
      const sha = createHash("sha256").update(bytes).digest("hex");
      const split = splits[i] ?? "train";
      for (const variant of variantsFor(split)) {
        const job = { key: `${sha}.${variant}`, item: { name: file.path, bytes, variant } };
        meta.set(job, {
          split,
          label: folder.labels.indexOf(file.label),
          name: `${path.relative(options.imageDir, file.path)}#${variant}`,
        });
        yield job;
      }
    }
  }

  hooks.onStage?.("extract", `${folder.files.length} images, ${pool.threads} worker threads`);
  const collector = new VectorCollector();
  const extraction = await extractBottlenecks(jobs(), {
    pool,
    store,
    total,
    batchSize: options.extractionBatchSize,
    onProgress: hooks.onExtractProgress,
    onVector: (job, vector) => {
      const m = meta.get(job);
      if (m) collector.add(m.split, { vector, label: m.label, name: m.name });
      meta.delete(job);
    },
  }).finally(() => pool.close());

  const train = collector.pack("train");
  const validation = collector.pack("validation");
  const test = collector.pack("test");
  hooks.onStage?.("train", `${train.y.length} training vectors`);
  const base = await loadBaseModel(pool.spec, resolved.dir);
  try {
    const preprocessing = { inputSize: base.spec.inputSize, normalization: base.spec.normalization, resize };
    const trained = await trainClassifier({
      labels: folder.labels,
      train,
      validation,
      test,
      plan: {
        head: {
          featureDim: base.spec.featureDim,
          numClasses: folder.labels.length,
          seed: training.seed,
          ...headOptions,
        },
        optimizer: optimizerConfig,
        training,
      },
      baseModel: baseModelIdentity(base),
      preprocessing,
      onEpoch: (m) => hooks.onEpoch?.(m, training.epochs),
      topK: options.topK,
    });
    hooks.onStage?.("save", options.outputDir);
    await writeCheckpointFolder(path.join(options.outputDir, "checkpoint"), trained.checkpoint);
    const exports = await exportBoth(
      trained.checkpoint,
      { spec: base.spec, dir: resolved.dir },
      base,
      options.outputDir,
    );
    await writeFile(path.join(options.outputDir, "labels.txt"), `${folder.labels.join("\n")}\n`);
    return summarize({
      backend: pool.backend,
      headBackend,
      backendNote: pool.note,
      folder,
      splits,
      extraction,
      trained,
      outputDir: options.outputDir,
      exports,
      counts: { train: train.y.length, validation: validation.y.length, test: test.y.length },
    });
  } finally {
    base.dispose();
  }
}

/** Where each export went, or why it was skipped (the CLI says so). */
export interface ExportOutcome {
  model?: string;
  onnx?: string;
  skipped: string[];
}

/**
 * The TensorFlow.js export (one model for a layers base, base and head side by side for a graph base) and
 * the ONNX model, from the checkpoint's head. An export the base cannot give (an op with no ONNX conversion)
 * is skipped with the reason; the checkpoint is saved whatever happens to them.
 */
async function exportBoth(
  checkpoint: Checkpoint,
  model: { spec: BaseModelSpec; dir: string },
  base: BaseModel,
  outputDir: string,
): Promise<ExportOutcome> {
  const { head, optimizer } = await restoreCheckpoint(checkpoint, base);
  const meta = exportMeta(checkpoint.labels, checkpoint.preprocessing, checkpoint.calibration);
  const outcome: ExportOutcome = { skipped: [] };
  try {
    const modelDir = path.join(outputDir, "model");
    await exportModel(modelDir, model, head, meta);
    outcome.model = modelDir;
    try {
      await writeFile(path.join(outputDir, "model.onnx"), await exportOnnxModel(model, head, meta));
      outcome.onnx = path.join(outputDir, "model.onnx");
    } catch (error) {
      if (!(error instanceof UnsupportedConversionError)) throw error;
      outcome.skipped.push(`model.onnx: ${error.message}`);
    }
    return outcome;
  } finally {
    head.dispose();
    optimizer.dispose();
  }
}
