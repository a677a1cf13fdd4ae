import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, ensureDatabase, withDatabase } from "@retrain/db";
import { freePort, startEmbeddedPostgres } from "@retrain/db/local";
import type { TestProject } from "vitest/node";
import "./provided-context.js";

export const TEMPLATE_DATABASE = "retrain_template";

/**
 * Starts a real PostgreSQL for the tests: the server in TEST_DATABASE_URL if set, else an embedded one in a
 * temporary folder; then migrates the template database with the project's migrations.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "retrain-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await freePort() });
    serverUrl = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DATABASE);
  await ensureDatabase(templateUrl);
  await applyMigrations(templateUrl);
  project.provide("postgresUrl", serverUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return stop;
}
