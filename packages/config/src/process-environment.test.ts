import { describe, expect, it } from "vitest";
import { SERVICE_HEAP_MB, serviceProcessEnvironment } from "./process-environment.js";

describe("serviceProcessEnvironment", () => {
  it("caps glibc's malloc arenas at 2 and V8's heap, keeping the user's other Node options", () => {
    expect(serviceProcessEnvironment({})).toEqual({
      MALLOC_ARENA_MAX: "2",
      NODE_OPTIONS: `--max-old-space-size=${SERVICE_HEAP_MB}`,
    });
    expect(serviceProcessEnvironment({ NODE_OPTIONS: "--enable-source-maps" }).NODE_OPTIONS).toBe(
      `--enable-source-maps --max-old-space-size=${SERVICE_HEAP_MB}`,
    );
  });

  it("leaves what the user chose", () => {
    const chosen = { MALLOC_ARENA_MAX: "8", NODE_OPTIONS: "--max-old-space-size=2048" };
    expect(serviceProcessEnvironment(chosen)).toEqual(chosen);
  });
});
