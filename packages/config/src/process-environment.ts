/**
 * V8's old-space limit for each service unless NODE_OPTIONS already sets one (see below): twice and more the
 * live heaps measured (an API importing 20,000 photos into one dataset: 136 MB in use under a 256 MB cap; a
 * worker's map of 10,000 points: about 250 MB).
 */
export const SERVICE_HEAP_MB = 512;

/**
 * What every service process gets in its environment unless the user set it, from `npm start`, the runtime
 * image and the test helpers alike (both are read when the process starts: they cannot be set from inside).
 *
 * MALLOC_ARENA_MAX: glibc gives each thread that allocates an arena of its own, up to eight a core; sharp's
 * libvips threads and ONNX Runtime's threads churn through them and freed memory stays in the process
 * (libvips and imgproxy advise 2). Measured: an API after importing 3,000 photos held 475 MB, 389 MB with 2.
 *
 * --max-old-space-size: on a large machine V8 lets a busy process's heap grow to gigabytes of garbage before
 * collecting it. An API importing 18,000 photos grew from 399 to 535 MB RSS (heap 191 to 314 MB) and kept
 * growing through a 100,000-photo import; capped at 200 MB it stayed at 365-374 MB, as fast.
 */
export function serviceProcessEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const nodeOptions = env.NODE_OPTIONS ?? "";
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2",
    NODE_OPTIONS: nodeOptions.includes("--max-old-space-size")
      ? nodeOptions
      : `${nodeOptions} --max-old-space-size=${SERVICE_HEAP_MB}`.trim(),
  };
}
