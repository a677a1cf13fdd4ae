import { builder } from "./builder.js";

interface HealthReport {
  ok: boolean;
  database: string;
  version: string;
  backend: string;
}

const Health = builder.objectRef<HealthReport>("Health").implement({
  description: "Whether the API and what it depends on are working.",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True when the API can serve requests: the database answers." }),
    database: t.exposeString("database", {
      description: "The PostgreSQL server's version, or why it cannot be reached.",
    }),
    version: t.exposeString("version", { description: "Retrain Studio's version." }),
    backend: t.exposeString("backend", {
      description: "The TensorFlow.js backend in use: tensorflow (native), wasm or cpu.",
    }),
  }),
});

builder.queryField("health", (t) =>
  t.field({
    type: Health,
    description: "A liveness and readiness check; needs no sign-in.",
    resolve: async (_root, _args, { services }) => services.health.check(),
  }),
);
