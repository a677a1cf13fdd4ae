import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The end-to-end tests drive Debian's Chromium (`apt-get install chromium`; .ci/run installs it) against the
// real product: scripts/start.ts with its own embedded PostgreSQL in a temporary folder and its own ports.
const ports = { web: 3100, api: 4100, postgres: 54339 };
const dataDir = mkdtempSync(path.join(os.tmpdir(), "retrain-e2e-"));

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  timeout: 120_000,
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
    command: "node_modules/.bin/tsx scripts/start.ts",
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
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
