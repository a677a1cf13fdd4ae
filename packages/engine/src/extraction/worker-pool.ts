import os from "node:os";
import { Worker } from "node:worker_threads";
import { EngineError } from "../errors.js";
import type { BaseModelSpec } from "../models/catalog.js";
import type { BatchResult } from "./extract-batch.js";
import type { ExtractionItem, FromWorker, WorkerInit } from "./messages.js";

/** Worker threads, each with its own backend and model copy: WASM runs one thread per process in Node. */
export interface ExtractionPool {
  spec: BaseModelSpec;
  weightsHash: string;
  backend: string;
  threads: number;
  run(items: ExtractionItem[]): Promise<BatchResult>;
  close(): Promise<void>;
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

export async function createExtractionPool(init: WorkerInit & { threads?: number }): Promise<ExtractionPool> {
  const threads = Math.max(1, init.threads ?? os.availableParallelism());
  const { threads: _t, ...workerInit } = init;
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
  for (const [worker, jobs] of inFlight) {
    worker.on("message", (m: FromWorker) => {
      const job = m.type === "batch" ? jobs.get(m.id) : undefined;
      if (m.type !== "batch" || !job) return;
      jobs.delete(m.id);
      job.resolve({ vectors: m.vectors, errors: m.errors, decodeMs: m.decodeMs, inferMs: m.inferMs });
      dispatch();
    });
    worker.on("error", (error) => {
      for (const job of jobs.values()) job.reject(new EngineError(`extraction worker failed: ${error.message}`));
      jobs.clear();
    });
  }

  return {
    spec: first.spec,
    weightsHash: first.weightsHash,
    backend: first.backend,
    threads,
    run: (items) =>
      new Promise((resolve, reject) => {
        queue.push({ items, resolve, reject });
        dispatch();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
