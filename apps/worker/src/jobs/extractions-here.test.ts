import { describe, expect, it } from "vitest";
import { asHelper, asOwnExtraction, extractingHere } from "./extractions-here.js";

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe("extractions here", () => {
  it("marks an extraction of this process's own from its first step, until the last of two ends", async () => {
    const [first, second] = [gate(), gate()];
    const a = asOwnExtraction(() => first.opened);
    expect(extractingHere()).toBe(true); // before anything was awaited
    const b = asOwnExtraction(() => second.opened);
    first.open();
    await a;
    expect(extractingHere()).toBe(true); // the second still runs
    second.open();
    await b;
    expect(extractingHere()).toBe(false);
  });

  it("an extraction that fails is unmarked", async () => {
    await expect(asOwnExtraction(async () => Promise.reject(new Error("out of memory")))).rejects.toThrow(
      "out of memory",
    );
    expect(extractingHere()).toBe(false);
  });

  it("does not help while this process extracts or already helps, and helps again once they end", async () => {
    const own = gate();
    const running = asOwnExtraction(() => own.opened);
    let helped = 0;
    expect(await asHelper(async () => ++helped)).toBeUndefined();
    own.open();
    await running;

    const helping = gate();
    const helper = asHelper(() => helping.opened.then(() => ++helped));
    expect(await asHelper(async () => ++helped)).toBeUndefined(); // one helper a process
    helping.open();
    expect(await helper).toBe(1);
    expect(await asHelper(async () => ++helped)).toBe(2);
  });

  it("an extraction of its own still starts while this process helps (the helper stops claiming)", async () => {
    const helping = gate();
    const helper = asHelper(() => helping.opened);
    expect(extractingHere()).toBe(false);
    const own = asOwnExtraction(async () => extractingHere());
    expect(await own).toBe(true);
    helping.open();
    await helper;
  });
});
