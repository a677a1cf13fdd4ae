import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

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
