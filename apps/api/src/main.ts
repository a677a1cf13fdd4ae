// The API process: `DATABASE_URL=... API_PORT=4000 node --conditions=compiled apps/api/dist/main.js` (or tsx
// on this file); every setting in ./config.ts. Tracing starts first: it hooks modules as they are imported.
import { startTracing } from "@retrain/telemetry/tracing";

await startTracing("retrain-api");
await import("./api-process.js");
