import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from "./retry-schedule.js";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe("webhook retry schedule", () => {
  it("doubles the wait after each failed try, from the base", () => {
    const waits = [1, 2, 3, 4].map(
      (n) => (nextAttemptAt(n, at(0), at(0), DEFAULT_RETRY_POLICY)?.getTime() ?? 0) / 1000,
    );
    expect(waits.map((w) => w - at(0).getTime() / 1000)).toEqual([30, 60, 120, 240]);
  });

  it("never waits longer than the cap", () => {
    expect(nextAttemptAt(20, at(0), at(0), DEFAULT_RETRY_POLICY)).toEqual(at(6 * 3600));
  });

  it("gives up when the next try would be past 24 hours after the event", () => {
    expect(nextAttemptAt(12, at(0), at(20 * 3600), DEFAULT_RETRY_POLICY)).toBeNull();
    expect(nextAttemptAt(12, at(0), at(17 * 3600), DEFAULT_RETRY_POLICY)).toEqual(at(23 * 3600));
  });

  it("tries about fifteen times over the day when every try fails", () => {
    let now = at(0);
    let attempts = 1;
    for (let next = nextAttemptAt(attempts, at(0), now, DEFAULT_RETRY_POLICY); next; attempts++) {
      now = next;
      next = nextAttemptAt(attempts + 1, at(0), now, DEFAULT_RETRY_POLICY);
    }
    expect(attempts).toBeGreaterThanOrEqual(12);
    expect(attempts).toBeLessThanOrEqual(16);
    expect(now.getTime() - at(0).getTime()).toBeLessThanOrEqual(24 * 3600 * 1000);
  });
});
