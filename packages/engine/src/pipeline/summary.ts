import type { ImageFolder } from "../data/image-folder.js";
import type { SplitName } from "../data/splits.js";
import type { ExtractionSummary } from "../extraction/extract-bottlenecks.js";
import type { ClassMetrics, Evaluation } from "../training/evaluate.js";
import type { TrainedClassifier } from "./train-classifier.js";

/** What the retrain CLI prints with --json (its last line), and what the retrain function returns. */
export interface RetrainSummary {
  /** What ran the base model: onnxruntime, or a TensorFlow.js backend. */
  backend: string;
  /** The TensorFlow.js backend the head trained on. */
  headBackend: string;
  /** Why ONNX Runtime did not run the base model, when it did not. */
  backendNote?: string;
  labels: string[];
  images: { total: number; train: number; validation: number; test: number; unreadable: number };
  vectors: { train: number; validation: number; test: number };
  /** Vectors taken from the bottleneck cache, and vectors computed now. */
  reused: number;
  computed: number;
  extraction: { seconds: number; imagesPerSecond: number };
  training: { seconds: number; epochs: number; bestEpoch: number; stoppedEarly: boolean };
  /** Null when the split has no images (--validation-percent 0, --test-percent 0). */
  validationAccuracy: number | null;
  testAccuracy: number | null;
  testTopKAccuracy: number | null;
  /** The split perClass and confusionMatrix come from: test, else validation; null when both are empty. */
  evaluatedOn: "test" | "validation" | null;
  perClass: ClassMetrics[];
  confusionMatrix: number[][];
  unreadable: { file: string; reason: string }[];
  /** Where the checkpoint and the exports went; exports the base could not give, with the reason. */
  output: { dir: string; checkpoint: string; model?: string; onnx?: string; skipped: string[] };
  validation: Evaluation | null;
}

export function summarize(input: {
  backend: string;
  headBackend: string;
  backendNote?: string;
  folder: ImageFolder;
  splits: SplitName[];
  extraction: ExtractionSummary;
  trained: TrainedClassifier;
  outputDir: string;
  exports: { model?: string; onnx?: string; skipped: string[] };
  counts: { train: number; validation: number; test: number };
}): RetrainSummary {
  const { extraction, trained } = input;
  const { metrics } = trained;
  const unreadable = [...new Map(extraction.failed.map((f) => [f.name, { file: f.name, reason: f.reason }])).values()];
  const count = (s: SplitName) => input.splits.filter((x) => x === s).length;
  return {
    backend: input.backend,
    headBackend: input.headBackend,
    ...(input.backendNote ? { backendNote: input.backendNote } : {}),
    labels: input.folder.labels,
    images: {
      total: input.folder.files.length,
      train: count("train"),
      validation: count("validation"),
      test: count("test"),
      unreadable: unreadable.length,
    },
    vectors: input.counts,
    reused: extraction.reused,
    computed: extraction.computed,
    extraction: {
      seconds: extraction.seconds,
      imagesPerSecond: extraction.imagesPerSecond,
    },
    training: {
      seconds: metrics.trainingSeconds,
      epochs: metrics.epochs,
      bestEpoch: metrics.bestEpoch,
      stoppedEarly: metrics.stoppedEarly,
    },
    validationAccuracy: metrics.validationAccuracy,
    testAccuracy: metrics.testAccuracy,
    testTopKAccuracy: metrics.testTopKAccuracy,
    evaluatedOn: metrics.evaluatedOn,
    perClass: trained.evaluation?.perClass ?? [],
    confusionMatrix: trained.evaluation?.confusionMatrix ?? [],
    unreadable,
    output: { dir: input.outputDir, checkpoint: `${input.outputDir}/checkpoint`, ...input.exports },
    validation: trained.validation
      ? { ...trained.validation, misclassified: trained.validation.misclassified.slice(0, 20) }
      : null,
  };
}
