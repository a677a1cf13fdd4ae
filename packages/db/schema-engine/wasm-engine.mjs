// Loads Prisma's own WebAssembly schema engine (the npm package @prisma/schema-engine-wasm).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
// The package exports only its entry points, so its folder is found from the main entry.
const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));

/** The wasm module reports a Rust panic's message here before it throws. */
export const panicRegistry = {
  message: undefined,
  set_message(value) {
    this.message = value;
  },
};

let loaded;

/**
 * The engine's bindings, instantiated once per process: the wasm-bindgen glue is a module (one per process)
 * that caches views of its instance's memory, so a second instance behind it would read the wrong memory.
 */
export function loadSchemaEngineModule() {
  loaded ??= instantiate().catch((error) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function instantiate() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const bindings = await import(path.join(packageDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bindings;
}

export function engineVersion() {
  return JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
}
