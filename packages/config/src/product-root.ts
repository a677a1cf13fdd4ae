import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout's root folder (the one holding pnpm-workspace.yaml), found upwards from `from` (a module's
 * `import.meta.url`). Files read relative to the root (package.json, prisma/migrations) are then found
 * both from TypeScript sources and from the compiled bundles in `dist/`, which sit at other depths.
 */
export function productRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${fileURLToPath(from)}`);
    dir = parent;
  }
  return dir;
}
