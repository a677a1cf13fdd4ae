// A worker thread of the extraction pool: its own TensorFlow.js backend and copy of the base model.
import { parentPort, workerData } from "node:worker_threads";
import sharp from "sharp";
import { initBackend } from "../backend.js";
import { loadBaseModel } from "../models/base-model.js";
import { extractBatch } from "./extract-batch.js";
import type { FromWorker, ToWorker, WorkerInit } from "./messages.js";

const init = workerData as WorkerInit;
const port = parentPort;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port?.postMessage(message, transfer);

// Each worker thread is one core's worth of work: libvips decoding on more threads would only fight the
// other workers' inference for the same cores.
sharp.concurrency(1);

try {
  const backend = await initBackend(init.backend);
  const model = await loadBaseModel(init.spec, init.dir);
  send({ type: "ready", spec: model.spec, weightsHash: model.weightsHash, backend });
  port?.on("message", async (message: ToWorker) => {
    const result = await extractBatch(model, message.items, init);
    send({ type: "batch", id: message.id, ...result }, [result.vectors.buffer as ArrayBuffer]);
  });
} catch (error) {
  send({ type: "failed", message: (error as Error).message });
}
