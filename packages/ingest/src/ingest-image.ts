import { createHash } from "node:crypto";
import { type Db, datasetsRepository, imagesRepository, isUniqueViolation, type Split } from "@retrain/db";
import { assignSplit, defaultGroupKey, ImageDecodeError, inspectImage } from "@retrain/engine";

export const IMAGE_LIMITS = { bytesPerFile: 20 * 1024 * 1024, nameLength: 255, labelLength: 100 };

export interface IncomingImage {
  name: string;
  bytes: Buffer;
  /** Label name; created if the dataset has no such label yet. */
  label?: string | null;
  split?: Split | null;
}

export type IngestResult =
  | { name: string; status: "ACCEPTED"; imageId: string }
  | { name: string; status: "DUPLICATE"; imageId: string; reason: string }
  | { name: string; status: "REJECTED"; reason: string };

const SPLIT_OF = { train: "TRAIN", validation: "VALIDATION", test: "TEST" } as const;

/** A split from how people write it (`train`, `Validation`, ` TEST `), or undefined for anything else. */
export const splitNamed = (text: string): Split | undefined =>
  (SPLIT_OF as Record<string, Split>)[text.trim().toLowerCase()];

/**
 * Adds images to one dataset: bytes stored once per hash, the same bytes twice in a dataset reported as a
 * duplicate, an unreadable file rejected with its reason. Labels are created on first use.
 */
export function createImageIngest(db: Db, datasetId: string, uploaderId: string | null) {
  const images = imagesRepository(db);
  const datasets = datasetsRepository(db);
  const labelIds = new Map<string, string>();

  async function labelId(name: string | null | undefined) {
    const clean = name?.trim();
    if (!clean) return null;
    const id = labelIds.get(clean) ?? (await datasets.ensureLabel(datasetId, clean)).id;
    labelIds.set(clean, id);
    return id;
  }

  return async function ingest(file: IncomingImage): Promise<IngestResult> {
    const { name, bytes } = file;
    if (name.length > IMAGE_LIMITS.nameLength)
      return {
        name: name.slice(0, 60),
        status: "REJECTED",
        reason: `file name longer than ${IMAGE_LIMITS.nameLength} characters`,
      };
    if ((file.label?.trim().length ?? 0) > IMAGE_LIMITS.labelLength)
      return { name, status: "REJECTED", reason: `label name longer than ${IMAGE_LIMITS.labelLength} characters` };
    if (bytes.length > IMAGE_LIMITS.bytesPerFile)
      return { name, status: "REJECTED", reason: `larger than ${IMAGE_LIMITS.bytesPerFile / 1024 / 1024} MB` };
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const existing = await images.findInDataset(datasetId, sha256);
    if (existing)
      return { name, status: "DUPLICATE", imageId: existing.id, reason: `same bytes as ${existing.originalName}` };
    try {
      const info = await inspectImage(bytes, name);
      const label = await labelId(file.label);
      const image = await images.createWithBlob(
        { sha256, bytes: new Uint8Array(bytes), mimeType: info.mimeType, thumbnail: new Uint8Array(info.thumbnail) },
        {
          datasetId,
          labelId: label,
          split: file.split ?? SPLIT_OF[assignSplit(defaultGroupKey(name))],
          width: info.width,
          height: info.height,
          format: info.format,
          originalName: name,
          uploadedById: uploaderId,
        },
      );
      return { name, status: "ACCEPTED", imageId: image.id };
    } catch (error) {
      if (error instanceof ImageDecodeError) return { name, status: "REJECTED", reason: error.reason };
      // The same bytes uploaded into this dataset by another request at the same moment.
      const stored = isUniqueViolation(error) ? await images.findInDataset(datasetId, sha256) : null;
      if (stored)
        return { name, status: "DUPLICATE", imageId: stored.id, reason: `same bytes as ${stored.originalName}` };
      throw error;
    }
  };
}
