import { describe, expect, it } from "vitest";
import { asHelper, asOwnExtraction, extractingHere, extractionKey } from "./extractions-here.js";

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe("extractions here", () => {
  const key = extractionKey("dataset", "model");

  it("marks an extraction of this process's own from its first step, until the last of two ends", async () => {
    const [first, second] = [gate(), gate()];
    const a = asOwnExtraction(key, () => first.opened);
    expect(extractingHere(key)).toBe(true); // before anything was awaited
    const b = asOwnExtraction(key, () => second.opened);
    first.open();
    await a;
    expect(extractingHere(key)).toBe(true); // the second still runs
    second.open();
    await b;
    expect(extractingHere(key)).toBe(false);
    expect(extractingHere(extractionKey("dataset", "other"))).toBe(false);
  });

  it("an extraction that fails is unmarked", async () => {
    await expect(asOwnExtraction(key, async () => Promise.reject(new Error("out of memory")))).rejects.toThrow(
      "out of memory",
    );
    expect(extractingHere(key)).toBe(false);
  });

  it("does not help with vectors this process extracts or already helps with", async () => {
    const own = gate();
    const running = asOwnExtraction(key, () => own.opened);
    let helped = 0;
    expect(await asHelper(key, async () => ++helped)).toBeUndefined();
    own.open();
    await running;

    const helping = gate();
    const helper = asHelper(key, () => helping.opened.then(() => ++helped));
    expect(await asHelper(key, async () => ++helped)).toBeUndefined(); // one helper a process
    helping.open();
    expect(await helper).toBe(1);
    expect(await asHelper(key, async () => ++helped)).toBe(2); // and again once it ended
  });
});
