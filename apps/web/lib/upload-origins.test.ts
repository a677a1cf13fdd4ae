import { ConfigError, loadConfig } from "@retrain/config";
import { describe, expect, it } from "vitest";
import { webSettings } from "../settings";

/** The dashboard's settings from these variables (Next.js types the environment with NODE_ENV). */
const settings = (env: Record<string, string>) => loadConfig(webSettings, { NODE_ENV: "production", ...env });

// UPLOAD_ORIGINS goes into every page's Content-Security-Policy (connect-src): origins only, nothing that
// could end the directive and start another.
describe("UPLOAD_ORIGINS", () => {
  it("takes origins, comma-separated, and is empty by default", () => {
    expect(settings({}).UPLOAD_ORIGINS).toEqual([]);
    expect(
      settings({ UPLOAD_ORIGINS: "http://127.0.0.1:7480, https://retrain.s3.amazonaws.com" }).UPLOAD_ORIGINS,
    ).toEqual(["http://127.0.0.1:7480", "https://retrain.s3.amazonaws.com"]);
  });

  it("refuses anything else: a path, a second directive, a wildcard scheme", () => {
    for (const value of ["https://bucket.example.com/path", "https://a.example; script-src *", "https:", "*"])
      expect(() => settings({ UPLOAD_ORIGINS: value }), value).toThrow(ConfigError);
  });
});
