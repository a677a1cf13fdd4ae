import type { Db } from "@retrain/db";
import type { DownloadOptions, InferenceChoice } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import type { ChunkSettings } from "./extraction-chunks.js";

/** What every job handler is given: the database, the model cache and how models run on this machine. */
export interface WorkerDeps {
  db: Db;
  modelCacheDir: string;
  /** How URL base models are fetched on this machine's first use: the guarded fetch and the limits. */
  download?: DownloadOptions;
  /** Where base models run: auto (ONNX Runtime where it can), onnxruntime, or a TensorFlow.js backend. */
  inference: InferenceChoice;
  threads?: number;
  /** Training splits larger than this many bytes are streamed from a local file (TRAINING_MEMORY_MB). */
  trainingMemoryBytes?: number;
  /** Chunk size and claim life (EXTRACTION_CHUNK_SIZE, EXTRACTION_CLAIM_SECONDS). */
  chunks?: ChunkSettings;
  /** Where to ask other workers for help with an extraction (none: this worker does it alone). */
  queue?: Pick<JobQueue, "askForHelp">;
}

export const DEFAULT_CHUNKS: ChunkSettings = { size: 256, claimSeconds: 60 };
