import { fileURLToPath } from "node:url";
import type { BaseModel } from "@retrain/db";
import { catalogEntry, resolveBaseModel } from "@retrain/engine";

/** Where the engine loads a base model row from: the catalog id, or the custom model's URL or folder. */
export function resolveBaseModelRow(row: BaseModel, cacheDir: string) {
  const ref = catalogEntry(row.key)
    ? row.key
    : row.sourceUrl.startsWith("file://")
      ? fileURLToPath(row.sourceUrl)
      : row.sourceUrl;
  return resolveBaseModel(ref, {
    cacheDir,
    bottleneck: row.bottleneckOutput || undefined,
    normalization: row.normalization === "[0,1]" ? "[0,1]" : "[-1,1]",
  });
}
