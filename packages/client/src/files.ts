import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** An image to send: a file on disk, or bytes with a name (the name's folder is its label unless one is given). */
export type ImageInput = string | { name: string; bytes: Uint8Array; label?: string; split?: Split };
export type Split = "train" | "validation" | "test";

const IMAGE = /\.(jpe?g|png|webp|gif|bmp|tiff?|avif)$/i;

/** The images of a class-per-folder tree (`daisy/1.jpg` is labelled daisy), as uploads, sorted by path. */
export async function folderImages(folder: string): Promise<{ name: string; path: string; label: string }[]> {
  const found: { name: string; path: string; label: string }[] = [];
  for (const label of (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    if (label.name.startsWith(".")) continue;
    for (const file of await readdir(path.join(folder, label.name)))
      if (IMAGE.test(file))
        found.push({ name: `${label.name}/${file}`, path: path.join(folder, label.name, file), label: label.name });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Bytes and a name for an input (a path is read now). */
export async function loadImage(
  input: ImageInput,
): Promise<{ name: string; bytes: Uint8Array; label?: string; split?: Split }> {
  if (typeof input !== "string") return input;
  return { name: path.basename(input), bytes: await readFile(input) };
}

/** The label a file's path gives it: its folder (`daisy/1.jpg` is a daisy), as the streamed upload route does. */
export const folderOf = (name: string) => name.split("/").slice(0, -1).at(-1);

/** A multipart part for one image. */
export const imageBlob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);
