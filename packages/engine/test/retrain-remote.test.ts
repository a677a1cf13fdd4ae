// The retrain CLI's remote mode (compiled bin) against the product: the folder is uploaded, trained on the
// server with the CLI's options, and the model downloaded; the run is the team's, visible through the API.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { RetrainClient } from "@retrain/client";
import { compiledFile, compiledServices, sharedDir } from "@retrain/testing";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./fixtures.js";

const run = promisify(execFile);

describe("retrain --server (remote mode)", () => {
  it("uploads the image folder, trains there with the given flags and downloads the model", async () => {
    const { api } = await compiledServices({ SIGN_UP: "open" });
    const origin = new URL(api.url).origin;
    const session = await RetrainClient.signUp(origin, {
      email: "cli@example.com",
      name: "CLI",
      password: "correct horse",
    });
    const token = await session.createApiToken("cli");
    const work = await mkdtemp(path.join(os.tmpdir(), "retrain-remote-"));
    for (const label of ["daisy", "sunflower"]) {
      const from = path.join(sharedDir(), "datasets/flowers_small", label);
      await mkdir(path.join(work, "images", label), { recursive: true });
      for (const name of (await readdir(from)).sort().slice(0, 15))
        await cp(path.join(from, name), path.join(work, "images", label, name));
    }
    const cli = await run(
      compiledFile("packages/engine/dist/cli/retrain.js"),
      [
        ...["--server", origin, "--token", token, "--image_dir", path.join(work, "images")],
        ...["--base-model", "mobilenet_v2_035_224", "--epochs", "6", "--learning_rate", "0.01"],
        ...["--output", path.join(work, "out"), "--json"],
      ],
      { cwd: repoRoot, timeout: 240_000 },
    );
    expect(cli.stderr).toMatch(/upload \d+\/30/);
    expect(cli.stderr).toMatch(/train \d+\/6/);
    const summary = JSON.parse(cli.stdout.trim().split("\n").at(-1) ?? "");
    expect(summary.uploads).toEqual({ accepted: 30, duplicate: 0, rejected: 0 });
    expect(summary.metrics.epochs).toBeLessThanOrEqual(6);
    expect((await readFile(path.join(work, "out", "model.zip"))).subarray(0, 2).toString()).toBe("PK");
    // The run is on the server, with the flags the CLI was given.
    const trained = await session.run(summary.runId);
    expect(trained.status).toBe("SUCCEEDED");
    expect(trained.hyperparameters.epochs).toBe(6);
  }, 300_000);

  it("refuses --server without a token, saying what to give", async () => {
    const refused = await run(compiledFile("packages/engine/dist/cli/retrain.js"), [
      ...["--server", "http://127.0.0.1:9", "--image_dir", "x"],
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toMatch(/--token: is required with --server/);
  });
});
