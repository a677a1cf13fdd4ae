import { describe, expect, it } from "vitest";
import { anyActive, endedSince, endingMessage } from "./run-endings";

describe("run endings", () => {
  it("tells of runs that ended since the first look, once, even those queued and ended between two looks", () => {
    const first = endedSince(null, [
      { id: "a", status: "TRAINING" },
      { id: "b", status: "SUCCEEDED" },
    ]);
    expect(first.ended).toEqual([]);
    const second = endedSince(first.known, [
      { id: "c", status: "SUCCEEDED" },
      { id: "a", status: "FAILED", error: "out of memory" },
      { id: "b", status: "SUCCEEDED" },
    ]);
    expect(second.ended.map((r) => r.id)).toEqual(["c", "a"]);
    expect(endedSince(second.known, [{ id: "a", status: "FAILED" }]).ended).toEqual([]);
  });

  it("says how it ended, with the validation accuracy and an early stop", () => {
    expect(
      endingMessage({ id: "a", status: "SUCCEEDED", metrics: { validationAccuracy: 0.9123, stoppedEarly: true } }),
    ).toBe("Your run finished (stopped early, no better epochs): validation 91.2%.");
    expect(endingMessage({ id: "a", status: "FAILED", error: "out of memory" })).toBe(
      "Your run failed: out of memory.",
    );
    expect(endingMessage({ id: "a", status: "CANCELLED" })).toBe("Your run was cancelled.");
    expect(anyActive([{ id: "a", status: "QUEUED" }])).toBe(true);
    expect(anyActive([{ id: "a", status: "CANCELLED" }])).toBe(false);
  });
});
