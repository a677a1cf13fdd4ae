import { describe, expect, it } from "vitest";
import { insidePolygon } from "./lasso";

describe("lasso", () => {
  const square = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ] as const;
  it("selects what the drawn shape encloses, and nothing outside it", () => {
    expect(insidePolygon([5, 5], square)).toBe(true);
    expect(insidePolygon([15, 5], square)).toBe(false);
    expect(insidePolygon([5, -1], square)).toBe(false);
  });
  it("follows a concave shape", () => {
    const l = [
      [0, 0],
      [10, 0],
      [10, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    ] as const;
    expect(insidePolygon([2, 8], l)).toBe(true);
    expect(insidePolygon([8, 8], l)).toBe(false);
  });
});
