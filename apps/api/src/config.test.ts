import { ConfigError, loadConfig } from "@retrain/config";
import { describe, expect, it } from "vitest";
import { apiSettings, browserUploadOrigins } from "./config.js";

const config = (settings: Record<string, string>) =>
  loadConfig(apiSettings, { DATABASE_URL: "postgresql://localhost/retrain", ...settings });

describe("S3_BROWSER_UPLOADS", () => {
  it("names the dashboard's origins (PUBLIC_URL's and WEB_ORIGINS) for the bucket's CORS rule", () => {
    const on = config({
      S3_BROWSER_UPLOADS: "true",
      PUBLIC_URL: "https://retrain.example.com/app",
      WEB_ORIGINS: "http://localhost:3000",
    });
    expect(browserUploadOrigins(on, "s3")).toEqual(["http://localhost:3000", "https://retrain.example.com"]);
  });

  it("is off by default", () => {
    expect(browserUploadOrigins(config({ WEB_ORIGINS: "http://localhost:3000" }), "s3")).toBeNull();
  });

  it("is a setting error without the S3 store, or without an origin to allow", () => {
    const on = config({ S3_BROWSER_UPLOADS: "true", WEB_ORIGINS: "http://localhost:3000" });
    expect(() => browserUploadOrigins(on, "postgres")).toThrow(ConfigError);
    expect(() => browserUploadOrigins(on, "postgres")).toThrow(/needs BLOB_STORE=s3/);
    expect(() => browserUploadOrigins(config({ S3_BROWSER_UPLOADS: "true" }), "s3")).toThrow(
      /PUBLIC_URL or WEB_ORIGINS/,
    );
  });
});
