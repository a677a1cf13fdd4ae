import { readFileSync } from "node:fs";

/** Retrain Studio's version: the root package.json's. */
export const appVersion: string = JSON.parse(
  readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
).version;
