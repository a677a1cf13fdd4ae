// What `pnpm build` (scripts/build-runtime.ts) compiles, and where the output goes.

/** Workspace folders whose `src/` is compiled (packages/testing is for tests only). */
export const COMPILED_PACKAGES = [
  "packages/client",
  "packages/config",
  "packages/db",
  "packages/engine",
  "packages/ingest",
  "packages/jobs",
  "packages/models",
  "packages/telemetry",
  "packages/webhooks",
  "apps/api",
  "apps/worker",
];

/** Single-file programs: entry point and output, from the repository root. */
export const PROGRAMS = [
  { entry: "scripts/start.ts", outfile: "dist/start.js" },
  { entry: "scripts/migrate.ts", outfile: "dist/migrate.js" },
  { entry: "apps/web/server.ts", outfile: "apps/web/dist/server.js" },
];

/** Command line tools, made executable after the build (their sources start with a shebang). */
export const EXECUTABLES = ["packages/engine/dist/cli/retrain.js", "packages/engine/dist/cli/label-image.js"];
