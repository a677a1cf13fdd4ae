// The worker process (see ./worker-process.ts). Tracing starts first: it hooks modules as they are imported.
import { startTracing } from "@retrain/telemetry/tracing";

await startTracing("retrain-worker");
await import("./worker-process.js");
