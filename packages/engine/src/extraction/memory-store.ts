import type { BottleneckStore } from "./bottleneck-store.js";

/** A store that forgets everything at exit: for benchmarks and callers that keep vectors themselves. */
export function memoryBottleneckStore(): BottleneckStore & { size(): number } {
  const vectors = new Map<string, Float32Array>();
  return {
    get: async (key) => vectors.get(key),
    put: async (key, vector) => {
      vectors.set(key, vector);
    },
    size: () => vectors.size,
  };
}
