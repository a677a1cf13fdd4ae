import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql ships both ESM and CJS; Pothos loads the CJS build, so everything must share that one instance.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    // The dashboard's own units (apps/web/lib) run here too; its pages are tested in a browser (test/e2e).
    include: ["{apps,packages}/*/{src,test}/**/*.test.ts", "apps/web/lib/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "apps/web/{app,components,gql,.next}/**"],
    // One embedded PostgreSQL for the whole run; each test file gets a fresh database from a migrated template.
    globalSetup: ["packages/testing/src/global-setup.ts"],
    // The API and worker in the test process log warnings and errors only (their processes, as npm start runs
    // them, log at info: tests wait for their start lines).
    env: { LOG_LEVEL: "warn" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: files run two at a time, each in its own process (TensorFlow.js keeps global state).
    pool: "forks",
    maxWorkers: 2,
  },
});
