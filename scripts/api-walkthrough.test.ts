// The API walk-through of docs/api.md, run as a reader would run it: its shell block, word for word (only the API's
// address changed), with bash, curl and jq against the compiled API and a worker on a fresh database, from a
// folder holding flower_photos/{daisy,tulip} and my-photo.jpg. A walk-through that stops working fails here.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { compiledServices, sharedDir } from "@retrain/testing";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** The shell block that follows "A walk-through with curl" in docs/api.md. */
async function walkthrough(): Promise<string> {
  const doc = await readFile(path.join(root, "docs/api.md"), "utf8");
  const block = /A walk-through with curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/api.md has no walk-through block after 'A walk-through with curl'");
  return block;
}

/** A fresh database, the compiled API and a worker, and a working folder holding what the walk-through reads. */
async function setUp() {
  const flowers = path.join(sharedDir(), "datasets/flowers_small");
  const work = await mkdtemp(path.join(os.tmpdir(), "retrain-walkthrough-"));
  await mkdir(path.join(work, "flower_photos"));
  for (const label of ["daisy", "tulip"])
    await symlink(path.join(flowers, label), path.join(work, "flower_photos", label));
  const lastDaisy = (await readdir(path.join(flowers, "daisy")))
    .filter((f) => f.endsWith(".jpg"))
    .sort()
    .at(-1);
  await cp(path.join(flowers, "daisy", lastDaisy ?? ""), path.join(work, "my-photo.jpg"));
  const { api } = await compiledServices();
  return { work, api };
}

describe("the API walk-through of docs/api.md", () => {
  it("runs as written: sign-up, token, uploads, a run, promotion and a prediction", async () => {
    const { work, api } = await setUp();
    const script = (await walkthrough()).replaceAll("http://localhost:4000", new URL(api.url).origin);
    const { stdout } = await promisify(execFile)("bash", ["-eo", "pipefail", "-c", script], {
      cwd: work,
      timeout: 300_000,
    });
    const lines = stdout.trim().split("\n");
    // One line per class of 40 uploads, then the run, then the prediction.
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual([{ ACCEPTED: 40 }, { ACCEPTED: 40 }]);
    const run = JSON.parse(lines[2] ?? "{}");
    expect(run).toMatchObject({ status: "SUCCEEDED", metrics: { evaluatedOn: expect.any(String) } });
    expect(run.epochs.length).toBeGreaterThan(0);
    const predict = JSON.parse(lines[3] ?? "{}");
    expect(predict.results[0].top.map((p: { label: string }) => p.label).sort()).toEqual(["daisy", "tulip"]);
    expect(lines).toHaveLength(4);
  }, 360_000);
});
