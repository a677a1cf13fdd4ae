import os from "node:os";
import { Worker } from "node:worker_threads";
import { EngineError } from "../errors.js";
import type { ResizeMode } from "../images/decode-image.js";
import { type InferenceChoice, planInference } from "../inference/inference-plan.js";
import type { BaseModelSpec } from "../models/catalog.js";
import type { BatchResult } from "./extract-batch.js";
import type { ExtractionItem, FromWorker, WorkerInit } from "./messages.js";

/**
 * Worker threads, each with its own copy of the base model: on ONNX Runtime (one intra-op thread each by
 * default: measured faster than one worker with two) or TensorFlow.js (WASM runs one thread per process).
 */
export interface ExtractionPool {
  spec: BaseModelSpec;
  weightsHash: string;
  /** What runs the base model: onnxruntime, or a TensorFlow.js backend (tensorflow, wasm, cpu). */
  backend: string;
  /** Why ONNX Runtime does not run this model, when it does not. */
  note?: string;
  /** When the model itself cannot be converted to ONNX (not the platform): why. Its ONNX export fails too. */
  onnxUnsupported?: string;
  threads: number;
  /** Images a batch should hold for this backend (measured on 2 cores with MobileNetV2: bench/engine-bench.ts). */
  batchSize: number;
  run(items: ExtractionItem[]): Promise<BatchResult>;
  close(): Promise<void>;
}

export interface PoolOptions {
  spec: BaseModelSpec;
  /** The folder of model.json and its shards. */
  dir: string;
  /** Where converted ONNX graphs are kept, built once per model (`<cacheDir>/onnx`). */
  cacheDir: string;
  /** Where the base model runs; default auto: ONNX Runtime where it loads and the model converts. */
  inference?: InferenceChoice;
  resize: ResizeMode;
  maxPixels?: number;
  /** Worker threads (default: one per core). */
  threads?: number;
  /** ONNX Runtime threads inside each worker (default 1). */
  intraOpThreads?: number;
}

/** From source (tests, tsx) the worker starts through a small entry that registers tsx in the thread. */
const workerUrl = new URL(
  import.meta.url.endsWith(".ts") ? "./extract-worker-entry.mjs" : "./extract-worker.js",
  import.meta.url,
);

interface Pending {
  items: ExtractionItem[];
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

function startWorker(init: WorkerInit): Promise<{ worker: Worker; ready: Extract<FromWorker, { type: "ready" }> }> {
  const worker = new Worker(workerUrl, { workerData: init });
  return new Promise((resolve, reject) => {
    worker.once("message", (m: FromWorker) => {
      if (m.type === "ready") resolve({ worker, ready: m });
      else reject(new EngineError(m.type === "failed" ? m.message : "extraction worker sent no ready message"));
    });
    worker.once("error", reject);
  });
}

export async function createExtractionPool(options: PoolOptions): Promise<ExtractionPool> {
  const threads = Math.max(1, options.threads ?? os.availableParallelism());
  // Decided here, in the main thread: this loads onnxruntime-node here first, as worker threads need.
  const plan = await planInference(options.inference ?? "auto", options);
  const workerInit: WorkerInit = {
    spec: options.spec,
    dir: options.dir,
    plan,
    intraOpThreads: options.intraOpThreads ?? 1,
    resize: options.resize,
    maxPixels: options.maxPixels,
  };
  const started = await Promise.allSettled(Array.from({ length: threads }, () => startWorker(workerInit)));
  const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw failure.reason instanceof EngineError ? failure.reason : new EngineError(String(failure.reason));
  }
  const first = workers[0]?.ready as Extract<FromWorker, { type: "ready" }>;

  // Two batches per worker: while one runs through the model, the next one decodes, so no core idles
  // waiting for images (measured on 2 cores: 1.67x with one batch per worker, more with two).
  const perWorker = 2;
  const queue: Pending[] = [];
  const inFlight = new Map(workers.map(({ worker }) => [worker, new Map<number, Pending>()]));
  let nextId = 0;

  const dispatch = () => {
    for (const [worker, jobs] of inFlight) {
      while (jobs.size < perWorker && queue.length > 0) {
        const job = queue.shift() as Pending;
        const id = nextId++;
        jobs.set(id, job);
        worker.postMessage({ type: "batch", id, items: job.items });
      }
    }
  };
  let closed = false;
  /** Fails every batch a worker holds (and, with no worker left, every queued one) instead of leaving it hanging. */
  const lose = (worker: Worker, reason: string) => {
    const jobs = inFlight.get(worker);
    if (!jobs) return;
    inFlight.delete(worker);
    for (const job of jobs.values()) job.reject(new EngineError(reason));
    if (inFlight.size === 0) for (const job of queue.splice(0)) job.reject(new EngineError(reason));
    else dispatch();
  };
  for (const [worker, jobs] of inFlight) {
    worker.on("message", (m: FromWorker) => {
      const job = m.type === "batch" ? jobs.get(m.id) : undefined;
      if (m.type !== "batch" || !job) return;
      jobs.delete(m.id);
      job.resolve({ vectors: m.vectors, errors: m.errors, decodeMs: m.decodeMs, inferMs: m.inferMs });
      dispatch();
    });
    worker.on("error", (error) => lose(worker, `extraction worker failed: ${error.message}`));
    worker.on("exit", () => lose(worker, closed ? "the extraction pool was closed" : "an extraction worker stopped"));
  }

  return {
    spec: first.spec,
    weightsHash: first.weightsHash,
    backend: first.backend,
    note: plan.engine === "tfjs" ? plan.note : undefined,
    onnxUnsupported: plan.engine === "tfjs" ? plan.unsupported : undefined,
    threads,
    batchSize: plan.engine === "onnxruntime" ? 16 : 8,
    run: (items) =>
      new Promise((resolve, reject) => {
        if (closed || inFlight.size === 0) return reject(new EngineError("the extraction pool is closed"));
        queue.push({ items, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
