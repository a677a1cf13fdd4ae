import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { settingsTable } from "./lib/settings-table.js";

// docs/settings.md's table is the processes' own schemas printed: a setting added to a schema and not to
// docs/settings.md fails here. Refresh it with `npm run settings-table` and paste between the markers.
/** A Markdown table's cells, row by row: the Markdown formatter pads columns, which changes no cell. */
const cells = (table: string) =>
  table
    .trim()
    .split("\n")
    .map((row) => row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^-+$/, "---")));

describe("docs/settings.md", () => {
  it("lists every setting of every process, as the schemas describe them", async () => {
    const readme = await readFile(path.resolve(import.meta.dirname, "../docs/settings.md"), "utf8");
    const between = readme.split("<!-- settings:start -->")[1]?.split("<!-- settings:end -->")[0]?.trim();
    expect(cells(between ?? "")).toEqual(cells(settingsTable()));
  });

  it("includes those a newcomer needs", () => {
    for (const name of ["MODEL_CACHE_DIR", "EXTRACTION_THREADS", "API_URL", "DATABASE_URL", "WEB_PORT"])
      expect(settingsTable()).toContain(`\`${name}\``);
  });
});
