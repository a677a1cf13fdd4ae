// The shape of the code, checked: no module imports itself back through others (an import circle), the
// engine's folders import only the ones below them, so a change low down never needs one high up, and heavy
// optional parts stay behind their own entry points.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = [
  "packages/engine/src",
  "packages/db/src",
  "packages/jobs/src",
  "packages/ingest/src",
  "packages/models/src",
  "packages/config/src",
  "packages/telemetry/src",
  "packages/webhooks/src",
  "packages/client/src",
  "packages/testing/src",
  "apps/api/src",
  "apps/worker/src",
  "apps/web/app",
  "apps/web/components",
  "apps/web/lib",
];

/**
 * The engine's folders from the bottom up: each may import its own and the ones before it. (`errors.ts` and
 * `backend.ts` sit at the bottom, `index.ts` at the top.)
 */
const ENGINE_LAYERS = [
  "data",
  "images",
  "models",
  "training",
  "calibration",
  "records",
  "onnx",
  "onnx/graph",
  "checkpoints",
  "formats",
  "inference",
  "extraction",
  "predict",
  "health",
  "comparison",
  "labelling",
  "export",
  "pipeline",
  "cli",
];

describe("the code's shape", () => {
  it.each(SOURCES)("%s has no import circle", async (dir) => {
    const graph = await madge(path.join(root, dir), {
      fileExtensions: ["ts", "tsx"],
      excludeRegExp: [/generated/, /\.test\.ts$/],
      tsConfig: path.join(root, "tsconfig.base.json"),
    });
    expect(graph.circular()).toEqual([]);
  });

  it("@retrain/db's main entry never reaches the AWS SDK: only @retrain/db/s3 does, loaded when S3 is set", async () => {
    const src = path.join(root, "packages/db/src");
    const graph = await madge(path.join(src, "index.ts"), {
      fileExtensions: ["ts"],
      excludeRegExp: [/generated/],
      tsConfig: path.join(root, "tsconfig.base.json"),
    });
    const reached = Object.keys(graph.obj());
    expect(reached).toContain("object-store/object-store.ts");
    const sdk: string[] = [];
    for (const file of reached) if ((await readFile(path.join(src, file), "utf8")).includes("@aws-sdk")) sdk.push(file);
    expect(sdk).toEqual([]);
    expect(await readFile(path.join(src, "object-store/s3-object-store.ts"), "utf8")).toContain("@aws-sdk");
  });

  it("the engine's folders import only downwards", async () => {
    const src = path.join(root, "packages/engine/src");
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const rank = (file: string) => {
      const dir = path.dirname(file);
      if (dir === ".") return path.basename(file) === "index.ts" ? Number.POSITIVE_INFINITY : -1;
      const at = ENGINE_LAYERS.indexOf(dir);
      if (at < 0) throw new Error(`${dir} is not in ENGINE_LAYERS: place it in the order`);
      return at;
    };
    const upward: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(src, file), "utf8");
      for (const [, target = ""] of text.matchAll(/from "(\.\.?\/[^"]+)\.js"/g)) {
        const imported = path.normalize(path.join(path.dirname(file), `${target}.ts`));
        if (rank(imported) > rank(file)) upward.push(`${file} -> ${imported}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
