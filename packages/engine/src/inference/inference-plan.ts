import { type BackendName, isBackendName } from "../backend.js";
import { EngineError } from "../errors.js";
import type { BaseModelSpec } from "../models/catalog.js";
import { loadOnnxRuntime } from "../onnx/onnx-runtime.js";
import { ensureOnnxBaseModel } from "./onnx-cache.js";

/** Where a base model runs: ONNX Runtime (native CPU), or a TensorFlow.js backend. */
export const INFERENCE_CHOICES = ["auto", "onnxruntime", "tensorflow", "wasm", "cpu"] as const;
export type InferenceChoice = (typeof INFERENCE_CHOICES)[number];

export type InferencePlan =
  | { engine: "onnxruntime"; onnxPath: string; spec: BaseModelSpec; weightsHash: string }
  | { engine: "tfjs"; backend: BackendName | "auto"; note?: string; unsupported?: string };

export function parseInferenceChoice(value: string | undefined): InferenceChoice {
  if (value === undefined || value === "") return "auto";
  if ((INFERENCE_CHOICES as readonly string[]).includes(value)) return value as InferenceChoice;
  throw new EngineError(`Backend "${value}" is not one of ${INFERENCE_CHOICES.join(", ")}.`);
}

/**
 * Decides how a base model runs. `auto`: ONNX Runtime where it loads and the model converts (about ten times
 * the WebAssembly backend), else the fastest TensorFlow.js backend, with a note saying why. `onnxruntime`
 * forced fails with the reason instead. A TensorFlow.js backend name runs there.
 */
export async function planInference(
  choice: InferenceChoice,
  model: { spec: BaseModelSpec; dir: string; cacheDir: string },
): Promise<InferencePlan> {
  if (isBackendName(choice)) return { engine: "tfjs", backend: choice };
  const runtime = await loadOnnxRuntime();
  if (!runtime) {
    const note = `${model.spec.id} runs on TensorFlow.js: onnxruntime-node is not installed for this platform.`;
    if (choice === "onnxruntime") throw new EngineError(note);
    return { engine: "tfjs", backend: "auto", note };
  }
  const converted = await ensureOnnxBaseModel(model.spec, model.dir, model.cacheDir);
  if (!("unsupported" in converted))
    return {
      engine: "onnxruntime",
      onnxPath: converted.path,
      spec: converted.spec,
      weightsHash: converted.weightsHash,
    };
  const note = `${model.spec.id} runs on TensorFlow.js: ONNX Runtime cannot run it, ${converted.unsupported}.`;
  if (choice === "onnxruntime") throw new EngineError(note);
  return { engine: "tfjs", backend: "auto", note, unsupported: converted.unsupported };
}

/** What base models run on in this process, for health reports and logs (one model may still fall back). */
export async function inferenceBackendName(choice: InferenceChoice, tfjsBackend: string): Promise<string> {
  if (isBackendName(choice)) return choice;
  return (await loadOnnxRuntime()) ? "onnxruntime" : tfjsBackend;
}
