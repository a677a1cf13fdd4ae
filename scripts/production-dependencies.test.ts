// The runtime image installs production dependencies only (`pnpm install --prod`): a package imported at run
// time but listed under devDependencies works in development and fails in production. Checked on the compiled
// output, which is exactly what runs.
import { readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { compiledFile } from "@retrain/testing";
import { describe, expect, it } from "vitest";
import { COMPILED_PACKAGES, PROGRAMS } from "./lib/runtime-build-plan.js";

const root = path.resolve(import.meta.dirname, "..");
const IMPORTED = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^".][^"]*)"/g;
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

function importedPackages(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files)
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORTED))
      if (specifier && !isBuiltin(specifier)) names.add(packageName(specifier));
  return names;
}

function runtimeDependencies(folder: string): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(root, folder, "package.json"), "utf8"));
  return new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]);
}

describe("production dependencies", () => {
  it.each(COMPILED_PACKAGES)("%s lists everything its compiled code imports under dependencies", (folder) => {
    const dist = compiledFile(path.join(folder, "dist"));
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".js"))
      .map((file) => path.join(dist, file));
    expect(files.length).toBeGreaterThan(0);
    const missing = [...importedPackages(files)].filter((name) => !runtimeDependencies(folder).has(name));
    expect(missing).toEqual([]);
  });

  it.each(PROGRAMS)("$outfile: its package lists everything it imports under dependencies", (program) => {
    const folder = program.outfile.startsWith("apps/web/") ? "apps/web" : ".";
    const missing = [...importedPackages([compiledFile(program.outfile)])].filter(
      (name) => !runtimeDependencies(folder).has(name),
    );
    expect(missing).toEqual([]);
  });
});
