import { describe, expect, it } from "vitest";
import {
  decodeRanges,
  encodeRanges,
  isSelected,
  selectedCount,
  toggled,
  withoutRange,
  withRange,
} from "./position-ranges";

describe("a selection as position ranges", () => {
  it("merges what touches or overlaps and counts positions once", () => {
    const ranges = withRange(withRange(withRange([], 10, 5), 11, 12), 8, 20);
    expect(ranges).toEqual([[5, 20]]);
    expect(selectedCount(withRange(ranges, 30, 30))).toBe(17);
  });

  it("toggles one position out of a range and back in, splitting and rejoining it", () => {
    const split = toggled([[0, 99_999]], 500);
    expect(split).toEqual([
      [0, 499],
      [501, 99_999],
    ]);
    expect(isSelected(split, 500)).toBe(false);
    expect(isSelected(split, 501)).toBe(true);
    expect(toggled(split, 500)).toEqual([[0, 99_999]]);
  });

  it("removes a span that covers several ranges' ends", () => {
    expect(
      withoutRange(
        [
          [0, 5],
          [8, 12],
          [20, 30],
        ],
        4,
        21,
      ),
    ).toEqual([
      [0, 3],
      [22, 30],
    ]);
  });

  it("round-trips through a URL and drops what a hand-edited link got wrong", () => {
    const ranges = withRange(withRange([], 0, 9), 15, 15);
    expect(encodeRanges(ranges)).toBe("0-9,15");
    expect(decodeRanges("0-9,15")).toEqual(ranges);
    expect(decodeRanges("3-1,x,7,-2,5-6")).toEqual([[5, 7]]);
    expect(decodeRanges(null)).toEqual([]);
  });
});
