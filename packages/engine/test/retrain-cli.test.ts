import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { compiledFile } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { readCheckpointFolder } from "../src/checkpoints/checkpoint-files.js";
import { repoRoot, tempDir, writeImageFolder, writeTinyBaseModel } from "./fixtures.js";

const run = promisify(execFile);
// The CLI as it ships: the compiled bin, run through its shebang on plain Node (no TypeScript loader).
const cli = (args: string[]) => run(compiledFile("packages/engine/dist/cli/retrain.js"), args, { cwd: repoRoot });
const labelImage = (args: string[]) =>
  run(compiledFile("packages/engine/dist/cli/label-image.js"), args, { cwd: repoRoot });
interface Labelled {
  image: string;
  top: { label: string; probability: number }[];
}
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Labelled);

describe("retrain CLI (compiled)", () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir("cli");
    await writeImageFolder(path.join(work, "images"), ["left", "right"], 8);
    await writeTinyBaseModel(path.join(work, "base"));
  });

  it("prints progress on stderr and a JSON summary as the last line; the second run reuses the cache", async () => {
    const args = [
      ...["--image-dir", path.join(work, "images"), "--base-model", path.join(work, "base")],
      ...["--bottleneck-dir", path.join(work, "cache"), "--epochs", "5", "--threads", "1", "--json"],
    ];
    const first = await cli([...args, "--output", path.join(work, "out1")]);
    expect(first.stderr).toMatch(/extract \d+\/16/);
    expect(first.stderr).toMatch(/train \d+\/5/);
    const summary = JSON.parse(first.stdout.trim().split("\n").at(-1) ?? "");
    expect(summary).toMatchObject({ backend: expect.any(String), computed: 16, reused: 0, images: { total: 16 } });
    expect(summary.validationAccuracy).toBeTypeOf("number");
    const second = JSON.parse(
      (await cli([...args, "--output", path.join(work, "out2")])).stdout.trim().split("\n").at(-1) ?? "",
    );
    expect(second).toMatchObject({ computed: 0, reused: 16 });
  });

  it("--test-percent 0 trains, evaluates on validation, says so, and saves the checkpoint", async () => {
    const out = path.join(work, "no-test");
    const run = await cli([
      ...["--image-dir", path.join(work, "images"), "--base-model", path.join(work, "base")],
      ...["--bottleneck-dir", path.join(work, "cache"), "--epochs", "3", "--threads", "1", "--json"],
      ...["--test-percent", "0", "--output", out],
    ]);
    const summary = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "");
    expect(summary).toMatchObject({ testAccuracy: null, evaluatedOn: "validation" });
    expect(summary.validationAccuracy).toBeTypeOf("number");
    const checkpoint = await readCheckpointFolder(path.join(out, "checkpoint"));
    expect(checkpoint.labels).toEqual(["left", "right"]);
  });

  it("label-image classifies files with the output folder and with its ONNX file, in the same order", async () => {
    const images = ["left/left_1.jpg", "right/right_2.jpg"].map((f) => path.join(work, "images", f));
    const folder = jsonLines((await labelImage(["--model", path.join(work, "out1"), "--json", ...images])).stdout);
    const onnx = jsonLines(
      (await labelImage(["--graph", path.join(work, "out1", "model.onnx"), "--json", "--top-k", "2", ...images]))
        .stdout,
    );
    expect(folder.map((answer) => answer.image)).toEqual(images);
    for (const [i, answer] of folder.entries()) {
      expect(answer.top.map((p) => p.label).sort()).toEqual(["left", "right"]);
      expect(answer.top.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 4);
      // The ONNX file carries the calibration's temperature: other probabilities, the same ranking.
      expect(onnx[i]?.top.map((p) => p.label)).toEqual(answer.top.map((p) => p.label));
    }
    const text = (await labelImage(["--model", path.join(work, "out1"), "--top-k", "1", images[0] ?? ""])).stdout;
    expect(text).toMatch(/^.*left_1\.jpg\n {2}(left|right) \(score = 0\.\d{5}\)\n$/);
  });

  it("label-image names what is wrong: no model, an unreadable image (the others still classified)", async () => {
    const missing = await labelImage(["--model", path.join(work, "nothing"), "x.jpg"]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/nothing: no such file or folder/) });
    await writeFile(path.join(work, "not-an-image.png"), "plain text");
    const partly = await labelImage([
      ...["--model", path.join(work, "out1"), "--json"],
      ...[path.join(work, "images", "left", "left_1.jpg"), path.join(work, "not-an-image.png")],
    ]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(partly).toMatchObject({ code: 1, stderr: expect.stringMatching(/not-an-image\.png: /) });
    expect(jsonLines((partly as { stdout: string }).stdout)).toHaveLength(1);
  });

  it("answers bad options with a clear message and exit code 2", async () => {
    const missing = await cli(["--base-model", "x"]).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/--image-dir: is required/) });
    const bad = await cli(["--image-dir", work, "--optimizer", "rmsprop"]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--optimizer: expected one of adam, sgd/) });
    const unknown = await cli(["--image-dir", path.join(work, "images"), "--base-model", "nonsense_model"]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown base model "nonsense_model"/) });
  });
});
