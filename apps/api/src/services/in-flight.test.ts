import { describe, expect, it } from "vitest";
import { sharedInFlight } from "./in-flight.js";

describe("sharedInFlight", () => {
  it("shares a pending load among callers of one key, and loads again once it settled", async () => {
    let loads = 0;
    const shared = sharedInFlight<number>();
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return loads;
    };
    expect(await Promise.all([shared("a", load), shared("a", load), shared("b", load)])).toEqual([2, 2, 2]);
    expect(loads).toBe(2);
    expect(await shared("a", load)).toBe(3);
  });

  it("shares a failure too, and forgets it", async () => {
    const shared = sharedInFlight<number>();
    const failing = () => Promise.reject(new Error("down"));
    await expect(Promise.all([shared("a", failing), shared("a", failing)])).rejects.toThrow("down");
    expect(await shared("a", async () => 1)).toBe(1);
  });
});
