import { fileURLToPath } from "node:url";
import { catalogEntry } from "./catalog.js";
import { type ResolvedBaseModel, resolveBaseModel } from "./resolve-base-model.js";

/** A base model as the product stores it: a catalog key, or a custom model's URL (http or file). */
export interface StoredBaseModel {
  key: string;
  sourceUrl: string;
  bottleneckOutput: string;
  normalization: string;
}

export function resolveStoredBaseModel(row: StoredBaseModel, cacheDir: string): Promise<ResolvedBaseModel> {
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
