import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, describeSettings, loadConfig } from "./load-config.js";
import { setting } from "./settings.js";

const schema = z.object({
  PORT: setting.port(4000, "Where to listen."),
  ALLOW: setting.list("Hosts to allow."),
  URL: z
    .string()
    .regex(/^https?:/, "must be an http(s) URL")
    .optional()
    .describe("Public address."),
});

describe("loadConfig", () => {
  it("fills defaults, coerces numbers, splits lists, and takes empty strings as unset", () => {
    expect(loadConfig(schema, { PORT: "", ALLOW: " a, b ,," })).toEqual({ PORT: 4000, ALLOW: ["a", "b"] });
    expect(loadConfig(schema, { PORT: "81" }).PORT).toBe(81);
  });

  it("stops on a wrong value, naming each variable with its description", () => {
    const error = (() => {
      try {
        loadConfig(schema, { PORT: "eighty", URL: "ftp://x" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/PORT: .*\(Where to listen\.\)/);
    expect(error?.message).toMatch(/URL: must be an http\(s\) URL \(Public address\.\)/);
  });

  it("lists every setting with its description and default", () => {
    expect(describeSettings(schema)).toEqual([
      { name: "PORT", description: "Where to listen.", default: "4000" },
      { name: "ALLOW", description: "Hosts to allow.", default: "[]" },
      { name: "URL", description: "Public address." },
    ]);
  });
});
