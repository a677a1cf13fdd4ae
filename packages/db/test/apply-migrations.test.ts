// In-process `migrate deploy` (what `npm start` runs), more than once in one process: a benchmark or a test
// opens several databases, and a restored backup is migrated by the process that restored it.
import { readdirSync } from "node:fs";
import { useEmptyDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationsDir } from "../src/index.js";

const all = readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).length;

describe("applyMigrations", () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    [first, second] = await Promise.all([useEmptyDatabase(), useEmptyDatabase()]);
  });

  it("migrates two databases one after the other, and a migrated one again as a no-op", async () => {
    expect(await applyMigrations(first)).toHaveLength(all);
    expect(await applyMigrations(second)).toHaveLength(all);
    expect(await applyMigrations(first)).toEqual([]);
  });
});
