import { describe, expect, it } from "vitest";
import { bytesToVector, vectorToBytes } from "./vectors.js";

describe("vector bytes", () => {
  it("round-trips float32 values bit for bit, including NaN, -0 and extremes", () => {
    const v = new Float32Array([0, -0, 1.5, -3.25e-38, 3.4e38, Number.NaN, Number.POSITIVE_INFINITY]);
    const back = bytesToVector(vectorToBytes(v));
    expect(Buffer.from(back.buffer)).toEqual(Buffer.from(v.buffer));
  });

  it("reads a view at an odd offset of a shared buffer", () => {
    const bytes = vectorToBytes(new Float32Array([1, 2, 3]));
    const shared = new Uint8Array(bytes.length + 1);
    shared.set(bytes, 1);
    expect([...bytesToVector(shared.subarray(1))]).toEqual([1, 2, 3]);
  });

  it("refuses a length that is not a whole number of floats", () => {
    expect(() => bytesToVector(new Uint8Array(5))).toThrow(/multiple of 4/);
  });
});
