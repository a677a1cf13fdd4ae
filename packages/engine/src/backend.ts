import * as tf from "@tensorflow/tfjs";

/** The TensorFlow.js backends the engine can run on, fastest first. */
export const BACKENDS = ["tensorflow", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(value: string): value is BackendName {
  return (BACKENDS as readonly string[]).includes(value);
}

/**
 * Registers a backend's implementation. `@tensorflow/tfjs-node` is optional: it cannot install without
 * internet (its install step downloads libtensorflow), so failing to load it only means "not available".
 */
async function register(name: BackendName): Promise<boolean> {
  try {
    if (name === "tensorflow") {
      const nodeBinding = "@tensorflow/tfjs-node"; // a variable: bundlers and type checks must not require it
      await import(nodeBinding);
    } else if (name === "wasm") {
      await import("@tensorflow/tfjs-backend-wasm");
    }
    return tf.findBackend(name) !== null || tf.engine().registryFactory[name] !== undefined;
  } catch {
    return false;
  }
}

let active: Promise<BackendName> | undefined;

/**
 * Picks the fastest backend that loads (tensorflow, then wasm, then cpu), or the one asked for.
 * Resolves once per process; later calls return the backend already chosen.
 */
export function initBackend(preferred: BackendName | "auto" = "auto"): Promise<BackendName> {
  active ??= (async () => {
    const order = preferred === "auto" ? BACKENDS : [preferred];
    for (const name of order) {
      if ((await register(name)) && (await tf.setBackend(name))) {
        await tf.ready();
        return name;
      }
    }
    throw new Error(`TensorFlow.js backend "${preferred}" is not available (tried ${order.join(", ")})`);
  })();
  return active;
}

/** The backend in use, or undefined before initBackend. */
export function currentBackend(): string | undefined {
  return active ? tf.getBackend() : undefined;
}

/** Tensors alive in this process and the bytes they hold (leak checks, and what a cache costs). */
export function tensorMemory(): { tensors: number; bytes: number } {
  const { numTensors, numBytes } = tf.memory();
  return { tensors: numTensors, bytes: numBytes };
}

/** Reads a backend choice such as a TFJS_BACKEND setting: auto (or nothing), tensorflow, wasm or cpu. */
export function parseBackendChoice(value: string | undefined): BackendName | "auto" {
  if (value === undefined || value === "" || value === "auto") return "auto";
  if (isBackendName(value)) return value;
  throw new Error(`TensorFlow.js backend "${value}" is not one of auto, ${BACKENDS.join(", ")}.`);
}
