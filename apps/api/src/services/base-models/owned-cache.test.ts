import { describe, expect, it } from "vitest";
import { OwnedCache } from "./owned-cache.js";

describe("OwnedCache", () => {
  it("releases what it evicts, least recently used first, never while in use", async () => {
    const released: string[] = [];
    const cache = new OwnedCache<string>(2, (v) => void released.push(v));
    const use = (k: string) =>
      cache.use(
        k,
        async () => k,
        async (v) => v,
      );
    await use("a");
    await use("b");
    await use("a"); // a is now the most recent
    await use("c"); // evicts b
    expect(released).toEqual(["b"]);
    let finish = () => {};
    const busy = cache.use(
      "a",
      async () => "a",
      () => new Promise<void>((r) => (finish = r)),
    );
    await use("d"); // a is in use: c goes
    await use("e"); // a still in use: d goes, the cache runs over its limit rather than free a busy value
    expect(released).toEqual(["b", "c", "d"]);
    finish();
    await busy;
    await use("f"); // a is idle again and the oldest: released now
    expect(released).toEqual(["b", "c", "d", "a"]);
  });

  it("keeps no failed load, and releases everything at close, in-use values once done", async () => {
    const released: string[] = [];
    const cache = new OwnedCache<string>(4, (v) => void released.push(v));
    await expect(
      cache.use(
        "x",
        () => Promise.reject(new Error("boom")),
        async (v) => v,
      ),
    ).rejects.toThrow("boom");
    expect(cache.size).toBe(0);
    expect(
      await cache.use(
        "x",
        async () => "x2",
        async (v) => v,
      ),
    ).toBe("x2");
    let finish = () => {};
    const busy = cache.use(
      "y",
      async () => "y",
      () => new Promise<void>((r) => (finish = r)),
    );
    await cache.close();
    expect(released).toEqual(["x2"]);
    finish();
    await busy;
    expect(released).toEqual(["x2", "y"]);
  });
});
