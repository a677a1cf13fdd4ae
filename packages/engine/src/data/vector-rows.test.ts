import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gatheredRows, rowsInFile, rowsInMemory } from "./vector-rows.js";

describe("vector rows", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rows-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const x = Float32Array.from({ length: 10 * 3 }, (_, i) => i / 7);

  it("reads the same rows from memory and from a file of float32 rows", () => {
    const file = path.join(dir, "rows.f32");
    writeFileSync(file, new Uint8Array(x.buffer));
    const fromFile = rowsInFile(file, 3);
    try {
      expect([...fromFile.read(2, 4)]).toEqual([...rowsInMemory(x, 3).read(2, 4)]);
      expect([...fromFile.read(9, 1)]).toEqual([...x.subarray(27, 30)]);
      expect(() => fromFile.read(8, 3)).toThrow(RangeError);
    } finally {
      fromFile.close();
    }
  });

  it("gathers listed rows, in the list's order, as rows of their own", () => {
    const some = gatheredRows(rowsInMemory(x, 3), [7, 2, 9]);
    expect([...some.read(0, 2)]).toEqual([...x.subarray(21, 24), ...x.subarray(6, 9)]);
    expect([...some.read(2, 1)]).toEqual([...x.subarray(27, 30)]);
  });
});
