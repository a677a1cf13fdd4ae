import { describe, expect, it } from "vitest";
import { readGridView, showsOtherImages, writeGridView } from "./grid-view";

describe("the grid's view in the URL", () => {
  it("reads defaults from an empty URL and writes nothing for them, keeping the page's own parameters", () => {
    const view = readGridView(new URLSearchParams(""));
    expect(view).toMatchObject({ search: "", sort: "added", descending: false, labelId: null, selection: [] });
    expect(writeGridView(new URLSearchParams("tab=images"), view).toString()).toBe("tab=images");
  });

  it("round-trips every part of a view", () => {
    const params =
      "q=IMG_00&sort=confidence&desc=1&label=l1&split=TEST&unlabelled=1&failed=1&checkpoint=c1&sel=0-9%2C15";
    const view = readGridView(new URLSearchParams(params));
    expect(view).toEqual({
      search: "IMG_00",
      sort: "confidence",
      descending: true,
      labelId: "l1",
      split: "TEST",
      unlabelled: true,
      failed: true,
      checkpoint: "c1",
      selection: [
        [0, 9],
        [15, 15],
      ],
    });
    expect(readGridView(writeGridView(new URLSearchParams(), view))).toEqual(view);
  });

  it("ignores values it does not know rather than trusting a hand-edited link", () => {
    const view = readGridView(new URLSearchParams("sort=random&split=ALL&desc=yes"));
    expect(view).toMatchObject({ sort: "added", split: null, descending: false });
  });

  it("knows when the shown images change (the selection's positions then mean other images)", () => {
    const base = readGridView(new URLSearchParams("sort=name"));
    expect(showsOtherImages(base, { ...base, selection: [[1, 2]] })).toBe(false);
    expect(showsOtherImages(base, { ...base, checkpoint: "c2" })).toBe(false);
    expect(showsOtherImages(base, { ...base, search: "tulip" })).toBe(true);
    expect(showsOtherImages({ ...base, sort: "confidence" }, { ...base, sort: "confidence", checkpoint: "c" })).toBe(
      true,
    );
  });
});
