// The engine's public surface: TensorFlow.js only, no database, no environment variables.
export {
  BACKENDS,
  type BackendName,
  currentBackend,
  initBackend,
  isBackendName,
  parseBackendChoice,
} from "./backend.js";
export {
  type Checkpoint,
  createCheckpoint,
  restoreCheckpoint,
} from "./checkpoints/checkpoint.js";
export { assignSplit, defaultGroupKey, type SplitName } from "./data/splits.js";
export {
  BaseModelMismatchError,
  EngineError,
  ImageDecodeError,
  InvalidOptionError,
  ModelUnavailableError,
} from "./errors.js";
export type { BottleneckStore } from "./extraction/bottleneck-store.js";
export { type ExtractionJob, type ExtractionProgress, extractBottlenecks } from "./extraction/extract-bottlenecks.js";
export { createExtractionPool, type ExtractionPool } from "./extraction/worker-pool.js";
export { type InspectedImage, inspectImage } from "./images/inspect-image.js";
export { type BaseModelSpec, CATALOG, catalogEntry } from "./models/catalog.js";
export { isCached } from "./models/model-cache.js";
export { resolveBaseModel } from "./models/resolve-base-model.js";
