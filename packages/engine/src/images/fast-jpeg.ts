import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import decode, { init } from "@jsquash/jpeg/decode.js";

let ready: Promise<void> | undefined;

// The WebAssembly global, typed for what is used here (the project's type libraries leave it out).
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } }).WebAssembly;

/** mozjpeg compiled to WebAssembly, instantiated once per thread. */
function load(): Promise<void> {
  ready ??= (async () => {
    const file = createRequire(import.meta.url).resolve("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm");
    await (init as unknown as (module: unknown) => Promise<void>)(await wasm.compile(await readFile(file)));
  })();
  return ready;
}

/**
 * Decodes a JPEG to RGBA with mozjpeg (WebAssembly), in this thread. For small images it costs a quarter of
 * a libvips pipeline (measured: 0.27 ms against 1 ms for a 128 x 128 photo): at hundreds of images a second,
 * that per-image overhead is what limits extraction. Null when mozjpeg cannot read it (the caller uses libvips).
 */
export async function decodeJpegRgba(
  bytes: Uint8Array,
): Promise<{ rgba: Uint8Array; width: number; height: number } | null> {
  await load();
  try {
    const image = await decode(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    return {
      rgba: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
    };
  } catch {
    return null;
  }
}
