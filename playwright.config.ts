import { cpSync, existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The end-to-end tests drive Debian's Chromium (`apt-get install chromium`; .ci/run installs it) against the
// real product: scripts/start.ts with its own embedded PostgreSQL in a temporary folder and its own ports.
const ports = { web: 3100, api: 4100, postgres: 54339 };
const dataDir = mkdtempSync(path.join(os.tmpdir(), "retrain-e2e-"));

// The base model a user's first download would leave in the model cache (no internet here): MobileNetV2-0.35
// from ../shared. Without it the training test says so and is skipped (see test/e2e/shared-data.ts).
const modelCacheDir = path.join(dataDir, "models");
const sharedModel = path.resolve("..", "shared", "models", "mobilenet_v2_035_224_notop");
if (existsSync(sharedModel)) cpSync(sharedModel, path.join(modelCacheDir, "mobilenet_v2_035_224"), { recursive: true });

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  timeout: 300_000,
  workers: 1,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${ports.web}`,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The product as it ships: compiled by `pnpm build` (run before the tests), as `npm start` runs it.
    command: "node --enable-source-maps --conditions=compiled dist/start.js",
    url: `http://localhost:${ports.api}/graphql?query=%7B__typename%7D`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      API_PORT: String(ports.api),
      WEB_PORT: String(ports.web),
      POSTGRES_PORT: String(ports.postgres),
      POSTGRES_DATA_DIR: path.join(dataDir, "postgres"),
      DATABASE_URL: "",
      MODEL_CACHE_DIR: modelCacheDir,
      EXPORT_DIR: path.join(dataDir, ".data", "exports"),
      NEXT_TELEMETRY_DISABLED: "1",
      // Each test signs its own team up; the default policy (invite-only) is tested against the API.
      SIGN_UP: "open",
      // The webhook test's receiver listens on loopback, which webhooks may not reach unless allowed.
      WEBHOOK_URL_ALLOW: "127.0.0.1",
    },
  },
});
