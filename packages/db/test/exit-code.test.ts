import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, "..");

describe("a process that loads the embedded PostgreSQL", () => {
  it("keeps the exit code it set (a test run with failures must not exit 0), and ends without a crash", async () => {
    const script = "await import('@retrain/db/local'); process.exitCode = 3;";
    const outcome = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: packageDir,
    }).then(
      (done) => ({ code: 0, stderr: done.stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(outcome).toEqual({ code: 3, stderr: "" });
  });
});
