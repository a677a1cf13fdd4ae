import { describe, expect, it } from "vitest";
import { invitationIn, safeNext } from "./safe-next";

describe("where sign-in sends people next", () => {
  it("keeps paths of this site", () => {
    expect(safeNext("/w/abc/datasets?x=1")).toBe("/w/abc/datasets?x=1");
    expect(safeNext("/invite/rsi_abc")).toBe("/invite/rsi_abc");
  });

  it("refuses other sites, however they are written", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "evil",
      "",
      "/ok\\..\\x",
      " /x",
    ])
      expect(safeNext(bad)).toBe("/workspaces");
    expect(safeNext(null)).toBe("/workspaces");
  });

  it("finds the invitation token of an invitation page", () => {
    expect(invitationIn("/invite/rsi_a-b_c")).toBe("rsi_a-b_c");
    expect(invitationIn("/workspaces")).toBeUndefined();
  });
});
