import type { ResizeMode, Variant } from "../images/decode-image.js";
import type { BaseModelSpec } from "../models/catalog.js";

/** One image to turn into a bottleneck vector: its bytes (or a path to read) and the variant to compute. */
export interface ExtractionItem {
  /** Names the image in errors and results (a file path, an image id). */
  name: string;
  bytes?: Uint8Array;
  path?: string;
  variant?: Variant;
}

import type { InferencePlan } from "../inference/inference-plan.js";

export interface WorkerInit {
  spec: BaseModelSpec;
  dir: string;
  /** How the base model runs (decided once, in the main thread). */
  plan: InferencePlan;
  /** ONNX Runtime threads inside each worker. */
  intraOpThreads: number;
  resize: ResizeMode;
  maxPixels?: number;
}

export type ToWorker = { type: "batch"; id: number; items: ExtractionItem[] };

export type FromWorker =
  | { type: "ready"; spec: BaseModelSpec; weightsHash: string; backend: string }
  | { type: "failed"; message: string }
  | {
      type: "batch";
      id: number;
      /** featureDim floats per item; the rows of failed items are zero. */
      vectors: Float32Array;
      errors: (string | null)[];
      decodeMs: number;
      inferMs: number;
    };
