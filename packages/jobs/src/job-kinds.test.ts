import { describe, expect, it } from "vitest";
import { isJobKind, JOB_KIND_NAMES, JOB_KINDS, parseJobResult, QUEUES } from "./job-kinds.js";

describe("the job registry", () => {
  it("gives every kind its own queue and a named result type", () => {
    expect(JOB_KIND_NAMES).toEqual(["EXTRACT", "IMPORT_ARCHIVE", "TRAIN", "HEALTH", "PREPARE_BASE_MODEL"]);
    expect(QUEUES).toHaveLength(JOB_KIND_NAMES.length);
    for (const kind of JOB_KIND_NAMES) expect(JOB_KINDS[kind].result.meta()?.title).toMatch(/Result$/);
  });

  it("reads a stored result by its kind's schema: partial while running, unknown keys dropped", () => {
    expect(parseJobResult("EXTRACT", { computed: 3, imagesPerSecond: 12.5, etaSeconds: null, extra: "x" })).toEqual({
      computed: 3,
      imagesPerSecond: 12.5,
      etaSeconds: null,
    });
    expect(parseJobResult("HEALTH", { stage: "folds" })).toEqual({ stage: "folds" });
    expect(parseJobResult("TRAIN", null)).toBeNull();
  });

  it("reads a result that does not fit its schema as none, rather than as a lie", () => {
    expect(parseJobResult("EXTRACT", { computed: "many" })).toBeNull();
    expect(parseJobResult("IMPORT_ARCHIVE", { rejections: [{ name: 1 }] })).toBeNull();
    expect(parseJobResult("TRAIN", [1, 2])).toBeNull();
  });

  it("checks messages: ids only, and the old training message naming a run", () => {
    expect(JOB_KINDS.EXTRACT.payload.safeParse({ jobId: "j1" }).success).toBe(true);
    expect(JOB_KINDS.EXTRACT.payload.safeParse({ runId: "r1" }).success).toBe(false);
    expect(JOB_KINDS.TRAIN.payload.safeParse({ runId: "r1" }).success).toBe(true);
    expect(isJobKind("TRAIN")).toBe(true);
    expect(isJobKind("toString")).toBe(false);
  });
});
