import { createHash } from "node:crypto";
import {
  type BlobData,
  type Db,
  datasetsRepository,
  imagesRepository,
  isUniqueViolation,
  type Split,
} from "@retrain/db";
import { assignSplit, defaultGroupKey, ImageDecodeError, type InspectedImage, inspectImage } from "@retrain/engine";

export const IMAGE_LIMITS = { bytesPerFile: 20 * 1024 * 1024, nameLength: 255, labelLength: 100 };

/**
 * Files are stored in groups of up to this many files or bytes (`ingest.many`: one transaction a group, their
 * decoding side by side): a photo of a few hundred KB costs a commit of its own no longer, and memory stays
 * bounded. Uploads and archive imports group the same way.
 */
export const INGEST_GROUP = { files: 32, bytes: 8 * 1024 * 1024 };

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

/** Why a file is refused before its bytes are read as an image, if it is. */
function refusal(file: IncomingImage): IngestResult | undefined {
  const { name } = file;
  if (name.length > IMAGE_LIMITS.nameLength)
    return {
      name: name.slice(0, 60),
      status: "REJECTED",
      reason: `file name longer than ${IMAGE_LIMITS.nameLength} characters`,
    };
  if ((file.label?.trim().length ?? 0) > IMAGE_LIMITS.labelLength)
    return { name, status: "REJECTED", reason: `label name longer than ${IMAGE_LIMITS.labelLength} characters` };
  if (file.bytes.length > IMAGE_LIMITS.bytesPerFile)
    return { name, status: "REJECTED", reason: `larger than ${IMAGE_LIMITS.bytesPerFile / 1024 / 1024} MB` };
  return undefined;
}

/** What to store of an image that decoded: its bytes, and its thumbnail unless it is its own. */
export const blobOf = (sha256: string, bytes: Uint8Array, info: InspectedImage): BlobData => ({
  sha256,
  bytes: new Uint8Array(bytes),
  mimeType: info.mimeType,
  ...(info.thumbnail ? { thumbnail: new Uint8Array(info.thumbnail) } : { thumbnailIsImage: true }),
});

const hashOf = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const duplicateOf = (name: string, stored: { id: string; originalName: string }): IngestResult => ({
  name,
  status: "DUPLICATE",
  imageId: stored.id,
  reason: `same bytes as ${stored.originalName}`,
});

/**
 * Adds images to one dataset: bytes stored once per hash, the same bytes twice in a dataset reported as a
 * duplicate, an unreadable file rejected with its reason. Labels are created on first use. `ingest(file)`
 * adds one file; `ingest.many(files)` adds a request's files together (see there).
 */
export function createImageIngest(db: Db, datasetId: string, uploaderId: string | null) {
  const images = imagesRepository(db);
  const datasets = datasetsRepository(db);
  // Promises, not ids: files ingested side by side that bring one new label create it once.
  const labelIds = new Map<string, Promise<string>>();

  async function labelId(name: string | null | undefined) {
    const clean = name?.trim();
    if (!clean) return null;
    let id = labelIds.get(clean);
    if (!id) {
      id = datasets.ensureLabel(datasetId, clean).then((label) => label.id);
      labelIds.set(clean, id);
      id.catch(() => labelIds.delete(clean));
    }
    return id;
  }

  /** The blob and image rows of a file that decoded. */
  const rowsOf = async (file: IncomingImage, sha256: string, info: InspectedImage) => ({
    blob: blobOf(sha256, file.bytes, info),
    image: {
      datasetId,
      labelId: await labelId(file.label),
      split: file.split ?? SPLIT_OF[assignSplit(defaultGroupKey(file.name))],
      width: info.width,
      height: info.height,
      format: info.format,
      originalName: file.name,
      uploadedById: uploaderId,
    },
  });

  async function ingest(file: IncomingImage): Promise<IngestResult> {
    const refused = refusal(file);
    if (refused) return refused;
    const { name } = file;
    const sha256 = hashOf(file.bytes);
    const existing = await images.findInDataset(datasetId, sha256);
    if (existing) return duplicateOf(name, existing);
    try {
      const rows = await rowsOf(file, sha256, await inspectImage(file.bytes, name));
      const image = await images.createWithBlob(rows.blob, rows.image);
      return { name, status: "ACCEPTED", imageId: image.id };
    } catch (error) {
      if (error instanceof ImageDecodeError) return { name, status: "REJECTED", reason: error.reason };
      // The same bytes uploaded into this dataset by another request at the same moment.
      const stored = isUniqueViolation(error) ? await images.findInDataset(datasetId, sha256) : null;
      if (stored) return duplicateOf(name, stored);
      throw error;
    }
  }

  /**
   * A request's files together, with the results `ingest` would give each: one query finds those already
   * stored, the rest are decoded side by side (sharp's threads) and written in one transaction. When another
   * request stored one of them meanwhile, or a file repeats one before it, those go through `ingest` one by one.
   */
  async function many(files: IncomingImage[]): Promise<IngestResult[]> {
    const results: (IngestResult | undefined)[] = files.map(refusal);
    const hashes = files.map((file, i) => (results[i] ? "" : hashOf(file.bytes)));
    const stored = new Map(
      (await images.findManyInDataset(datasetId, [...new Set(hashes.filter(Boolean))])).map((row) => [row.sha256, row]),
    );
    const first = new Map<string, number>();
    const oneByOne: number[] = [];
    for (const [i, sha256] of hashes.entries()) {
      const row = stored.get(sha256);
      if (results[i]) continue;
      if (row) results[i] = duplicateOf(files[i]?.name ?? "", row);
      else if (first.has(sha256)) oneByOne.push(i);
      else first.set(sha256, i);
    }
    const decoded = await Promise.all(
      [...first].map(async ([sha256, i]) => {
        const file = files[i] as IncomingImage;
        try {
          return { i, ...(await rowsOf(file, sha256, await inspectImage(file.bytes, file.name))) };
        } catch (error) {
          if (!(error instanceof ImageDecodeError)) throw error;
          results[i] = { name: file.name, status: "REJECTED", reason: error.reason };
          return null;
        }
      }),
    );
    const fresh = decoded.filter((item) => item !== null);
    try {
      const created = new Map((await images.createManyWithBlobs(fresh)).map((image) => [image.sha256, image.id]));
      for (const { i, blob } of fresh)
        results[i] = { name: files[i]?.name ?? "", status: "ACCEPTED", imageId: created.get(blob.sha256) ?? "" };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      oneByOne.unshift(...fresh.map((item) => item.i));
    }
    for (const i of oneByOne) results[i] = await ingest(files[i] as IncomingImage);
    return results as IngestResult[];
  }

  return Object.assign(ingest, { many });
}

/** One dataset's ingest: `ingest(file)`, and `ingest.many(files)` for a request's files together. */
export type ImageIngest = ReturnType<typeof createImageIngest>;
