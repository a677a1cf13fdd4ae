// The engine's public surface: TensorFlow.js only, no database, no environment variables.
export {
  BACKENDS,
  type BackendName,
  currentBackend,
  initBackend,
  isBackendName,
  parseBackendChoice,
  tensorMemory,
} from "./backend.js";
export {
  type Calibration,
  calibrationOf,
  DEFAULT_TARGET_PRECISION,
  decide,
  type UnknownReason,
  withTargetPrecision,
} from "./calibration/calibration.js";
export {
  baseModelIdentity,
  type Checkpoint,
  createCheckpoint,
  type Preprocessing,
  restoreCheckpoint,
} from "./checkpoints/checkpoint.js";
export { readCheckpointFolder, writeCheckpointFolder } from "./checkpoints/checkpoint-files.js";
export { type CheckpointRecord, fromCheckpointRecord, toCheckpointRecord } from "./checkpoints/checkpoint-record.js";
export { createProgressDisplay, type ProgressDisplay } from "./cli/progress.js";
export { compareRuns, type RunComparison } from "./comparison/compare-runs.js";
export { PARITY_TOLERANCE, type ParityResult, parityCheck } from "./comparison/parity.js";
export {
  DRIFT_DAYS,
  DRIFT_MIN_PREDICTIONS,
  DRIFT_THRESHOLD,
  judgeDrift,
  populationStability,
} from "./comparison/population-stability.js";
export { seededRandom, shuffledIndices } from "./data/random.js";
export { assignSplit, defaultGroupKey, type SplitName } from "./data/splits.js";
export {
  gatheredRows,
  rowsInFile,
  rowsInMemory,
  SCORE_ROWS,
  type StreamedVectorSet,
  type TrainingSet,
  type VectorRows,
} from "./data/vector-rows.js";
export {
  BaseModelMismatchError,
  EngineError,
  ImageDecodeError,
  InvalidModelError,
  InvalidOptionError,
  ModelUnavailableError,
} from "./errors.js";
export { type ExportedModel, exportMeta, exportModel, loadExportedModel } from "./export/export-model.js";
export { exportOnnxModel } from "./export/export-onnx.js";
export type { BottleneckStore } from "./extraction/bottleneck-store.js";
export { type ExtractionJob, type ExtractionProgress, extractBottlenecks } from "./extraction/extract-bottlenecks.js";
export { createExtractionPool, type ExtractionPool, type PoolOptions } from "./extraction/worker-pool.js";
export { FORMATS, formatOf } from "./formats/formats.js";
export { type BaseModel, loadBaseModel } from "./formats/load-base-model.js";
export type { ExportMeta, ModelFormatModule } from "./formats/model-format.js";
export { type Balance, FEW_IMAGES, type HealthSplit } from "./health/balance.js";
export type { LabelIssue } from "./health/confident-learning.js";
export {
  datasetHealth,
  HEALTH_DEFAULTS,
  type HealthReport,
  type HealthStage,
  MAP_POINTS,
} from "./health/health-report.js";
export { type VectorIndex, vectorIndex } from "./health/vector-index.js";
export { decodeImage } from "./images/decode-image.js";
export { type InspectedImage, inspectImage } from "./images/inspect-image.js";
export {
  isNormalization,
  NORMALIZATIONS,
  type Normalization,
  normalizationOf,
} from "./images/normalization.js";
export {
  INFERENCE_CHOICES,
  type InferenceChoice,
  type InferencePlan,
  inferenceBackendName,
  parseInferenceChoice,
  planInference,
} from "./inference/inference-plan.js";
export { ensureOnnxBaseModel } from "./inference/onnx-cache.js";
export { type LabelNextInput, type LabelNextPick, labelNext } from "./labelling/label-next.js";
export {
  type BaseModelSpec,
  CATALOG,
  catalogEntry,
  DEFAULT_BASE_MODEL,
  FAST_BASE_MODEL,
  type ModelFormat,
} from "./models/catalog.js";
export { CATALOG_FIGURES, type CatalogFigures } from "./models/catalog-figures.js";
export { type DownloadOptions, type Fetch, isCached } from "./models/model-cache.js";
export { type ModelJson, parseModelJson } from "./models/model-json.js";
export { checkModelSize, DEFAULT_MODEL_LIMITS, type ModelLimits } from "./models/model-limits.js";
export { type NpmPack, npmPack, parseNpmSource } from "./models/npm-package.js";
export { type ResolvedBaseModel, resolveBaseModel } from "./models/resolve-base-model.js";
export { UnsupportedConversionError } from "./onnx/conversion-errors.js";
export { createOnnxSession, loadOnnxRuntime } from "./onnx/onnx-runtime.js";
export { retrain } from "./pipeline/retrain.js";
export { DEFAULTS, type RetrainOptions } from "./pipeline/retrain-options.js";
export {
  type NamedVectors,
  type TrainClassifierInput,
  type TrainedClassifier,
  trainClassifier,
} from "./pipeline/train-classifier.js";
export {
  answer,
  type Classifier,
  createClassifier,
  type Prediction,
  predictVectors,
  type ServingCalibration,
  servingCalibration,
} from "./predict/classifier.js";
export { createPoolClassifier } from "./predict/pool-classifier.js";
export type { ClassifierMetrics, StoredEvaluation, StoredMetrics } from "./records/index.js";
export { type ClassMetrics, type Evaluation, evaluate, type Misclassified } from "./training/evaluate.js";
export { createHeadModel, type HeadOptions } from "./training/head-model.js";
export {
  DEFAULT_HYPERPARAMETERS,
  HYPERPARAMETER_BOUNDS,
  type Hyperparameters,
  resolveHyperparameters,
  trainingPlan,
} from "./training/hyperparameters.js";
export { createOptimizer, type OptimizerConfig } from "./training/optimizer.js";
export { type EpochMetrics, type TrainOptions, trainHead, type VectorSet } from "./training/train-head.js";
