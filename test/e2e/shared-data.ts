import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const sharedRoot = path.resolve("..", "shared");
export const flowersDir = path.join(sharedRoot, "datasets", "flowers_small");
export const hasSharedModel = existsSync(path.join(sharedRoot, "models", "mobilenet_v2_035_224_notop", "model.json"));

/** The first `count` photos of a flowers_small class, as files Playwright can drop into an input. */
export function flowerPhotos(label: string, count: number, skip = 0) {
  const dir = path.join(flowersDir, label);
  return readdirSync(dir)
    .sort()
    .slice(skip, skip + count)
    .map((name) => ({ name, mimeType: "image/jpeg", buffer: readFileSync(path.join(dir, name)) }));
}
