import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { bucketOriginFor } from "./lib/start-settings.js";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

describe("npm start's settings", () => {
  it("a wrong value stops the start before anything runs, naming the variable and what it should be", async () => {
    const failure = await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: root,
      env: { ...process.env, WEB_PORT: "eighty", POSTGRES_PORT: "70000" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toMatch(/WEB_PORT: .*\(Port of the dashboard\.\)/);
    expect(stderr).toMatch(/POSTGRES_PORT: .*(65535|too big)/);
    expect(stderr).not.toMatch(/embedded PostgreSQL .* ready/);
  });
});

describe("the bucket's origin the dashboard's pages may upload to", () => {
  const s3 = { S3_BROWSER_UPLOADS: "true", S3_ENDPOINT: "http://rgw.internal:7480/", S3_BUCKET: "retrain" };
  it("is the endpoint's origin, or the bucket's host under it when buckets are not in the path", () => {
    expect(bucketOriginFor(s3)).toBe("http://rgw.internal:7480");
    expect(bucketOriginFor({ ...s3, S3_FORCE_PATH_STYLE: "false" })).toBe("http://retrain.rgw.internal:7480");
  });
  it("is none unless browsers upload to an endpoint given", () => {
    expect(bucketOriginFor({ ...s3, S3_BROWSER_UPLOADS: "false" })).toBeUndefined();
    expect(bucketOriginFor({ S3_BROWSER_UPLOADS: "true", S3_BUCKET: "retrain" })).toBeUndefined();
  });
});
