import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  catalogEntry,
  type DownloadOptions,
  normalizationOf,
  type ResolvedBaseModel,
  resolveBaseModel,
} from "@retrain/engine";

/**
 * A base model as the product stores it: a catalog key; a custom model's URL (http or file); or
 * `upload://<key>` for files a user uploaded, which the product writes to `<cacheDir>/<key>` before use.
 */
export interface StoredBaseModel {
  key: string;
  sourceUrl: string;
  bottleneckOutput: string;
  normalization: string;
}

export const UPLOAD_SCHEME = "upload://";

/** The folder a stored model's files are (or will be) in. */
export function storedModelDir(row: StoredBaseModel, cacheDir: string): string {
  if (row.sourceUrl.startsWith("file://")) return fileURLToPath(row.sourceUrl);
  if (catalogEntry(row.key) || row.sourceUrl.startsWith(UPLOAD_SCHEME)) return path.join(cacheDir, row.key);
  // The model cache's name for a model downloaded from a URL (see resolveBaseModel).
  return path.join(cacheDir, `url_${createHash("sha256").update(row.sourceUrl).digest("hex").slice(0, 12)}`);
}

export const isStoredModelCached = (row: StoredBaseModel, cacheDir: string) =>
  existsSync(path.join(storedModelDir(row, cacheDir), "model.json"));

export function resolveStoredBaseModel(
  row: StoredBaseModel,
  cacheDir: string,
  download?: DownloadOptions,
): Promise<ResolvedBaseModel> {
  const ref = catalogEntry(row.key)
    ? row.key
    : row.sourceUrl.startsWith("file://") || row.sourceUrl.startsWith(UPLOAD_SCHEME)
      ? storedModelDir(row, cacheDir)
      : row.sourceUrl;
  return resolveBaseModel(ref, {
    cacheDir,
    download,
    bottleneck: row.bottleneckOutput || undefined,
    normalization: normalizationOf(row.normalization),
  });
}
