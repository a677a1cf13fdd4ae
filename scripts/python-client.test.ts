// The Python client (clients/python) against the real product: a fresh database, the compiled API and a
// worker (and a second API with its blobs in a RADOS Gateway, for direct uploads), and a folder of 2 x 20
// flower photos; then `python3 -m unittest` runs the client's own tests (with a
// webhook body signed here, for its signature check).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { compiledServices, type RadosGateway, sharedDir, startApiProcess, startRadosGateway } from "@retrain/testing";
import { newWebhookSecret, signatureHeader } from "@retrain/webhooks";
import { afterAll, describe, expect, it } from "vitest";

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
  const { api, database } = await compiledServices({ SIGN_UP: "open" });
  // Roses for direct uploads only: every process of one database must share its blob store, so photos stored
  // in the gateway must not be ones the worker (no S3 settings) later reads for training.
  const roses = path.join(work, "roses");
  await mkdir(roses);
  const rosesFrom = path.join(sharedDir(), "datasets/flowers_small/rose");
  for (const name of (await readdir(rosesFrom)).sort().slice(0, 3))
    await cp(path.join(rosesFrom, name), path.join(roses, name));
  // A second API on the same database with its blobs in a RADOS Gateway, for the client's direct uploads.
  gateway = await startRadosGateway();
  const s3Api = await startApiProcess(
    { DATABASE_URL: database.url, SIGN_UP: "open", ...gateway.settings("python-direct") },
    { compiled: true },
  );
  stops.push(() => s3Api.kill());
  return { url: new URL(api.url).origin, s3Url: new URL(s3Api.url).origin, flowers, roses };
}

let gateway: RadosGateway | undefined;
const stops: (() => void)[] = [];
afterAll(async () => {
  for (const stop of stops) stop();
  await gateway?.stop();
});

describe("the Python client", () => {
  it("passes its unittest suite against the API and a worker", async () => {
    const { url, s3Url, flowers, roses } = await setUp();
    // A body signed by the product's own signer, for the client's verify_webhook to check.
    const secret = newWebhookSecret();
    const body = JSON.stringify({ id: "evt_1", type: "run.succeeded", data: { runId: "r1", note: "déjà vu" } });
    const signed = JSON.stringify({ secret, body, header: signatureHeader(secret, body) });
    const run = await promisify(execFile)("python3", ["-m", "unittest", "discover", "-v", "-s", "tests"], {
      cwd: path.join(root, "clients/python"),
      env: {
        ...process.env,
        RETRAIN_URL: url,
        RETRAIN_S3_URL: s3Url,
        RETRAIN_S3_PHOTOS: roses,
        RETRAIN_FLOWERS: flowers,
        RETRAIN_SIGNED_WEBHOOK: signed,
        PYTHONPATH: path.join(root, "clients/python"),
      },
      timeout: 300_000,
    }).catch((error: { stdout: string; stderr: string }) => error);
    // unittest reports on stderr: every test ran (none skipped) and passed.
    expect(run.stderr).toMatch(/Ran 5 tests/);
    expect(run.stderr).not.toMatch(/skipped/);
    expect(run.stderr).toMatch(/\nOK\n?$/);
  }, 360_000);
});
