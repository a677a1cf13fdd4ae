import { readFileSync } from "node:fs";
import path from "node:path";
import { productRoot } from "@retrain/config";

/** Retrain Studio's version: the root package.json's. */
export const appVersion: string = JSON.parse(
  readFileSync(path.join(productRoot(import.meta.url), "package.json"), "utf8"),
).version;
