import { readdir } from "node:fs/promises";
import path from "node:path";
import { EngineError } from "../errors.js";

export interface LabelledFile {
  path: string;
  label: string;
}

export interface ImageFolder {
  labels: string[];
  files: LabelledFile[];
  /** Files skipped for their extension (not counted as images). */
  ignored: string[];
}

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".tif", ".tiff", ".bmp", ".heic"]);

/** retrain.py's --image_dir layout: one sub-folder per class, its name the label, images anywhere inside. */
export async function readImageFolder(dir: string): Promise<ImageFolder> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new EngineError(`Cannot read the image folder ${dir}.`);
  });
  const labels = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  if (labels.length < 2)
    throw new EngineError(`${dir} needs at least two class folders (one per label); found ${labels.length}.`);
  const files: LabelledFile[] = [];
  const ignored: string[] = [];
  for (const label of labels) {
    const found = await readdir(path.join(dir, label), { recursive: true, withFileTypes: true });
    for (const f of found.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(f.parentPath, f.name);
      if (IMAGE_EXTENSIONS.has(path.extname(f.name).toLowerCase())) files.push({ path: full, label });
      else ignored.push(full);
    }
  }
  return { labels, files, ignored };
}
