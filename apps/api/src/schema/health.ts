import type { HealthReport, WorkerStatus } from "../services/system/health-service.js";
import { builder } from "./builder.js";

const Worker = builder.objectRef<WorkerStatus>("WorkerStatus").implement({
  description: "A worker process running background jobs (extraction, training, imports), on any machine.",
  fields: (t) => ({
    hostname: t.exposeString("hostname"),
    pid: t.exposeInt("pid"),
    inferenceBackend: t.exposeString("inferenceBackend", { description: "What runs base models on it." }),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    seenAt: t.expose("seenAt", { type: "DateTime", description: "Its last heartbeat (every 5 s)." }),
  }),
});

const Health = builder.objectRef<HealthReport>("Health").implement({
  description: "Whether the API and what it depends on are working.",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True when the API can serve requests: the database answers." }),
    version: t.exposeString("version", { description: "Retrain Studio's version." }),
    database: t.exposeString("database", {
      nullable: true,
      description: "The PostgreSQL server's version, or why it cannot be reached. Signed-in users only (else null).",
    }),
    backend: t.exposeString("backend", {
      nullable: true,
      description:
        "The TensorFlow.js backend in use (heads, and base models ONNX Runtime does not run): tensorflow (native), wasm or cpu. Signed-in users only (else null).",
    }),
    inferenceBackend: t.exposeString("inferenceBackend", {
      nullable: true,
      description:
        "What runs base models (extraction, predictions): onnxruntime (native CPU), or a TensorFlow.js backend. Signed-in users only (else null).",
    }),
    workers: t.field({
      type: [Worker],
      nullable: true,
      description:
        "Worker processes alive (a heartbeat in the last 15 s): when there are none, queued jobs wait. Signed-in users only (else null).",
      resolve: (report) => report.workers,
    }),
  }),
});

builder.queryField("health", (t) =>
  t.field({
    type: Health,
    description: "A liveness and readiness check; needs no sign-in (details need one).",
    resolve: async (_root, _args, { services, caller }) => services.health.check(caller !== null),
  }),
);
