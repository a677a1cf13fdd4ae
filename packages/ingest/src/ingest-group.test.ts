import { describe, expect, it } from "vitest";
import { createIngestGroup } from "./ingest-group.js";
import { INGEST_GROUP } from "./ingest-image.js";

describe("createIngestGroup", () => {
  it("is full at INGEST_GROUP's count of small files, and starts again empty once taken", () => {
    const group = createIngestGroup((n: number) => n);
    const full = Array.from({ length: INGEST_GROUP.files }, (_, i) => group.add(i));
    expect(full.indexOf(true)).toBe(INGEST_GROUP.files - 1);
    expect(group.size).toBe(INGEST_GROUP.files);
    expect(group.take()).toEqual(Array.from({ length: INGEST_GROUP.files }, (_, i) => i));
    expect(group.size).toBe(0);
    expect(group.add(1)).toBe(false);
  });

  it("is full at INGEST_GROUP's bytes, whatever the count, and counts bytes afresh after a take", () => {
    const group = createIngestGroup((bytes: number) => bytes);
    const half = INGEST_GROUP.bytes / 2;
    expect(group.add(half)).toBe(false);
    expect(group.add(half)).toBe(true);
    expect(group.take()).toEqual([half, half]);
    expect(group.add(half)).toBe(false);
  });
});
