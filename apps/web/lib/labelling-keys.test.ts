import { describe, expect, it } from "vitest";
import { actionOfKey } from "./labelling-keys";

describe("labelling keys", () => {
  it("maps digits to labels that exist, and the named keys to their actions", () => {
    expect(actionOfKey({ key: "1" }, 3)).toEqual({ kind: "label", index: 0 });
    expect(actionOfKey({ key: "3" }, 3)).toEqual({ kind: "label", index: 2 });
    expect(actionOfKey({ key: "4" }, 3)).toBeNull();
    expect(actionOfKey({ key: "ArrowRight" }, 3)).toEqual({ kind: "next" });
    expect(actionOfKey({ key: "ArrowLeft" }, 3)).toEqual({ kind: "previous" });
    expect(actionOfKey({ key: " " }, 3)).toEqual({ kind: "select" });
    expect(actionOfKey({ key: "Enter" }, 3)).toEqual({ kind: "accept" });
    expect(actionOfKey({ key: "u" }, 3)).toEqual({ kind: "unlabel" });
    expect(actionOfKey({ key: "z" }, 3)).toEqual({ kind: "undo" });
    expect(actionOfKey({ key: "?" }, 3)).toEqual({ kind: "help" });
  });

  it("leaves Tab and shortcuts with modifiers to the browser", () => {
    expect(actionOfKey({ key: "Tab" }, 3)).toBeNull();
    expect(actionOfKey({ key: "z", ctrlKey: true }, 3)).toBeNull();
    expect(actionOfKey({ key: "1", metaKey: true }, 3)).toBeNull();
  });
});
