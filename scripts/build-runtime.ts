// `pnpm build`: compiles the product to JavaScript so it runs on plain Node, without a TypeScript loader
// (tsx stays for development and tests). Run by `npm start` and the Dockerfile after installing.
//
// - Each workspace package's `src/` becomes `dist/`, file for file (esbuild strips the types; `tsc` has
//   already checked them). Packages export `dist/` under the `compiled` condition, so the services run as
//   `node --conditions=compiled apps/api/dist/main.js`; without the condition they resolve to `src/` (tsx,
//   Vitest, tsc). npm packages are imported as they are, from each package's own node_modules.
// - The launcher (`npm start`), the migration command and the dashboard's server are small programs that
//   import across folders: each is bundled into one file, npm packages left outside.
import { chmod, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build } from "esbuild";
import { COMPILED_PACKAGES, EXECUTABLES, PROGRAMS } from "./lib/runtime-build-plan.js";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

const common: BuildOptions = { platform: "node", format: "esm", target: "node20.19", sourcemap: "linked" };
const isSource = (file: string) => file.endsWith(".ts") && !/\.(test|bench)\.ts$/.test(file) && !file.endsWith(".d.ts");

async function compilePackage(folder: string) {
  const src = path.join(root, folder, "src");
  const outdir = path.join(root, folder, "dist");
  const files = (await readdir(src, { recursive: true })).filter(isSource).map((file) => path.join(src, file));
  await rm(outdir, { recursive: true, force: true });
  // Plain JavaScript beside the sources (none today outside packages/db/schema-engine) would need copying.
  await build({ ...common, entryPoints: files, outdir, outbase: src, logLevel: "warning" });
}

async function bundleProgram(program: { entry: string; outfile: string }) {
  await build({
    ...common,
    entryPoints: [path.join(root, program.entry)],
    outfile: path.join(root, program.outfile),
    bundle: true,
    packages: "external",
    conditions: ["compiled"],
    logLevel: "warning",
  });
}

const started = Date.now();
await Promise.all([...COMPILED_PACKAGES.map(compilePackage), ...PROGRAMS.map(bundleProgram)]);
await Promise.all(EXECUTABLES.map((file) => chmod(path.join(root, file), 0o755)));
console.log(
  `Compiled ${COMPILED_PACKAGES.length} packages and ${PROGRAMS.length} programs in ${Date.now() - started} ms.`,
);
