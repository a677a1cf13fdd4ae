// A worker thread of the extraction pool: its own copy of the base model, on ONNX Runtime or TensorFlow.js.
import { parentPort, workerData } from "node:worker_threads";
import sharp from "sharp";
import { extractBatch } from "./extract-batch.js";
import type { FromWorker, ToWorker, WorkerInit } from "./messages.js";
import { onnxExtractor, type PixelExtractor } from "./pixel-extractor.js";

const init = workerData as WorkerInit;
const port = parentPort;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port?.postMessage(message, transfer);

// Each worker thread is one core's worth of work: libvips decoding on more threads would only fight the
// other workers' inference for the same cores.
sharp.concurrency(1);

async function open(): Promise<{ model: PixelExtractor; weightsHash: string; backend: string }> {
  const { plan } = init;
  if (plan.engine === "onnxruntime")
    return {
      model: await onnxExtractor(plan.onnxPath, plan.spec, init.intraOpThreads),
      weightsHash: plan.weightsHash,
      backend: "onnxruntime",
    };
  // TensorFlow.js only where the plan runs on it: importing it costs about 0.4 s a thread, which every
  // extraction job's pool on ONNX Runtime paid for nothing (a helper joined that much later).
  const [{ initBackend }, { loadBaseModel }, { tfjsExtractor }] = await Promise.all([
    import("../backend.js"),
    import("../formats/load-base-model.js"),
    import("./tfjs-extractor.js"),
  ]);
  const backend = await initBackend(plan.backend);
  const base = await loadBaseModel(init.spec, init.dir);
  return { model: tfjsExtractor(base), weightsHash: base.weightsHash, backend };
}

try {
  const { model, weightsHash, backend } = await open();
  send({ type: "ready", spec: model.spec, weightsHash, backend });
  port?.on("message", async (message: ToWorker) => {
    const result = await extractBatch(model, message.items, init);
    send({ type: "batch", id: message.id, ...result }, [result.vectors.buffer as ArrayBuffer]);
  });
} catch (error) {
  send({ type: "failed", message: (error as Error).message });
}
