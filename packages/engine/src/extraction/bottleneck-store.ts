import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where bottleneck vectors are kept between runs: files for the CLI, PostgreSQL for the product. */
export interface BottleneckStore {
  get(key: string): Promise<Float32Array | undefined>;
  put(key: string, vector: Float32Array): Promise<void>;
}

/**
 * One file of raw float32 bytes per vector, like retrain.py's bottleneck folder, but keyed by the image's
 * content hash and variant so renamed or moved files still hit the cache.
 */
export function fileBottleneckStore(dir: string): BottleneckStore {
  const fileFor = (key: string) => path.join(dir, key.slice(0, 2), `${key.replace(/[^\w.-]/g, "_")}.f32`);
  const made = new Set<string>(); // sub-folders known to exist: one mkdir each, not one a vector
  // The files there at the start, listed once: a cold cache costs one readdir, not a failed read per image.
  let present: Promise<Set<string>> | undefined;
  const listing = async () => {
    const files = new Set<string>();
    for (const sub of await readdir(dir).catch(() => [] as string[]))
      for (const name of await readdir(path.join(dir, sub)).catch(() => [] as string[]))
        files.add(path.join(dir, sub, name));
    return files;
  };
  return {
    async get(key) {
      present ??= listing();
      if (!(await present).has(fileFor(key))) return undefined;
      const bytes = await readFile(fileFor(key)).catch(() => undefined);
      if (!bytes || bytes.length % 4 !== 0 || bytes.length === 0) return undefined;
      return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    },
    async put(key, vector) {
      const file = fileFor(key);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      const tmp = `${file}.${process.pid}.partial`;
      await writeFile(tmp, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
      await rename(tmp, file);
    },
  };
}
