import { existsSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

/**
 * ../shared beside the project (or SHARED_DIR): real photos and ImageNet models for tests, never part of
 * the product. A test that needs it fails with this message when it is missing, never passes silently.
 */
export function sharedDir(): string {
  const dir = process.env.SHARED_DIR ?? path.resolve(repoRoot, "../shared");
  if (!existsSync(dir)) {
    throw new Error(
      `This test needs the shared data folder at ${dir} (flowers_small and ImageNet models); set SHARED_DIR.`,
    );
  }
  return dir;
}
