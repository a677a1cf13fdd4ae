import { describe, expect, it } from "vitest";
import { serviceProcessEnvironment } from "./process-environment.js";

describe("serviceProcessEnvironment", () => {
  it("caps glibc's malloc arenas at 2 unless the user chose another value", () => {
    expect(serviceProcessEnvironment({})).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(serviceProcessEnvironment({ MALLOC_ARENA_MAX: "8" })).toEqual({ MALLOC_ARENA_MAX: "8" });
  });
});
