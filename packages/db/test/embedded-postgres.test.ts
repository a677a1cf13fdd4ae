import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@retrain/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresAlreadyRunningError, startEmbeddedPostgres } from "../src/embedded-postgres.js";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "retrain-embedded-"));
  const dataDir = path.join(dir, "data");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts, keeps data across a restart, refuses a second start on the same folder, and stops", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives restarts')");

    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toBeInstanceOf(
      PostgresAlreadyRunningError,
    );
    await first.stop();
    await expect(query(first.url, "SELECT 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port });
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "survives restarts" }]);
    await second.stop();
  });
});
