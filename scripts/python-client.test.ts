// The Python client (clients/python) against the real product: a fresh database, the compiled API and a
// worker, and a folder of 2 x 20 flower photos; then `python3 -m unittest` runs the client's own tests (with a
// webhook body signed here, for its signature check).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { compiledServices, sharedDir } from "@retrain/testing";
import { newWebhookSecret, signatureHeader } from "@retrain/webhooks";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

async function setUp() {
  const work = await mkdtemp(path.join(os.tmpdir(), "retrain-python-"));
  const flowers = path.join(work, "flowers");
  for (const label of ["daisy", "tulip"]) {
    const from = path.join(sharedDir(), "datasets/flowers_small", label);
    await mkdir(path.join(flowers, label), { recursive: true });
    for (const name of (await readdir(from)).sort().slice(0, 20))
      await cp(path.join(from, name), path.join(flowers, label, name));
  }
  // The first account of an install may sign up whatever the policy; the tests' own accounts need it open.
  const { api } = await compiledServices({ SIGN_UP: "open" });
  return { url: new URL(api.url).origin, flowers };
}

describe("the Python client", () => {
  it("passes its unittest suite against the API and a worker", async () => {
    const { url, flowers } = await setUp();
    // A body signed by the product's own signer, for the client's verify_webhook to check.
    const secret = newWebhookSecret();
    const body = JSON.stringify({ id: "evt_1", type: "run.succeeded", data: { runId: "r1", note: "déjà vu" } });
    const signed = JSON.stringify({ secret, body, header: signatureHeader(secret, body) });
    const run = await promisify(execFile)("python3", ["-m", "unittest", "discover", "-v", "-s", "tests"], {
      cwd: path.join(root, "clients/python"),
      env: {
        ...process.env,
        RETRAIN_URL: url,
        RETRAIN_FLOWERS: flowers,
        RETRAIN_SIGNED_WEBHOOK: signed,
        PYTHONPATH: path.join(root, "clients/python"),
      },
      timeout: 300_000,
    }).catch((error: { stdout: string; stderr: string }) => error);
    // unittest reports on stderr: every test ran (none skipped) and passed.
    expect(run.stderr).toMatch(/Ran 4 tests/);
    expect(run.stderr).not.toMatch(/skipped/);
    expect(run.stderr).toMatch(/\nOK\n?$/);
  }, 360_000);
});
