import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { BACKENDS, currentBackend, initBackend, parseBackendChoice } from "./backend.js";

describe("backend", () => {
  it("reads a backend choice and refuses unknown ones", () => {
    expect(parseBackendChoice(undefined)).toBe("auto");
    expect(parseBackendChoice("wasm")).toBe("wasm");
    expect(() => parseBackendChoice("gpu")).toThrow(/not one of auto, tensorflow, wasm, cpu/);
  });

  it("picks the fastest backend that loads and reports it (tfjs-node where installed, else wasm)", async () => {
    const name = await initBackend("auto");
    expect(BACKENDS).toContain(name);
    expect(currentBackend()).toBe(name);
    expect(tf.getBackend()).toBe(name);
    // tfjs-node cannot install without internet: then WASM must be the one chosen, not the slow cpu.
    const nativeInstalled = await import("@tensorflow/tfjs-node" as string).then(
      () => true,
      () => false,
    );
    expect(name).toBe(nativeInstalled ? "tensorflow" : "wasm");
    expect(tf.tensor([1, 2]).mul(2).arraySync()).toEqual([2, 4]);
  });
});
