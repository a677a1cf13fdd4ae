import { createHash } from "node:crypto";
import { type Db, datasetsRepository, type ImageFilter, imagesRepository, type Split } from "@retrain/db";
import { assignSplit, defaultGroupKey, ImageDecodeError, inspectImage } from "@retrain/engine";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { Access, Caller } from "./access.js";
import type { DatasetService } from "./dataset-service.js";

export const UPLOAD_LIMITS = { filesPerRequest: 100, bytesPerFile: 20 * 1024 * 1024 };

export interface UploadFile {
  name: string;
  base64: string;
  /** Label name; created if the dataset has no such label yet. */
  label?: string | null;
  split?: Split | null;
}

export type UploadResult =
  | { name: string; status: "ACCEPTED"; imageId: string }
  | { name: string; status: "DUPLICATE"; imageId: string; reason: string }
  | { name: string; status: "REJECTED"; reason: string };

const SPLIT_OF = { train: "TRAIN", validation: "VALIDATION", test: "TEST" } as const;

export function createImageService(db: Db, access: Access, datasetService: DatasetService) {
  const images = imagesRepository(db);
  const datasets = datasetsRepository(db);

  async function labelId(datasetId: string, name: string | null | undefined, cache: Map<string, string>) {
    if (!name?.trim()) return null;
    const clean = name.trim();
    const known = cache.get(clean) ?? (await datasets.labelsOf([datasetId])).find((l) => l.name === clean)?.id;
    const id = known ?? (await datasets.createLabel(datasetId, clean)).id;
    cache.set(clean, id);
    return id;
  }

  async function uploadOne(
    datasetId: string,
    uploaderId: string,
    file: UploadFile,
    labels: Map<string, string>,
  ): Promise<UploadResult> {
    const bytes = Buffer.from(file.base64, "base64");
    if (bytes.length > UPLOAD_LIMITS.bytesPerFile) {
      return {
        name: file.name,
        status: "REJECTED",
        reason: `larger than ${UPLOAD_LIMITS.bytesPerFile / 1024 / 1024} MB`,
      };
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const existing = await images.findInDataset(datasetId, sha256);
    if (existing)
      return {
        name: file.name,
        status: "DUPLICATE",
        imageId: existing.id,
        reason: `same bytes as ${existing.originalName}`,
      };
    try {
      const info = await inspectImage(bytes, file.name);
      await images.saveBlob({
        sha256,
        bytes: new Uint8Array(bytes),
        mimeType: info.mimeType,
        thumbnail: new Uint8Array(info.thumbnail),
      });
      const image = await images.create({
        datasetId,
        sha256,
        labelId: await labelId(datasetId, file.label, labels),
        split: file.split ?? SPLIT_OF[assignSplit(defaultGroupKey(file.name))],
        width: info.width,
        height: info.height,
        format: info.format,
        originalName: file.name,
        uploadedById: uploaderId,
      });
      return { name: file.name, status: "ACCEPTED", imageId: image.id };
    } catch (error) {
      if (error instanceof ImageDecodeError) return { name: file.name, status: "REJECTED", reason: error.reason };
      throw error;
    }
  }

  return {
    /** One result per file: a bad file is rejected with its reason while the others land. */
    async upload(caller: Caller | null, datasetId: string, files: UploadFile[]): Promise<UploadResult[]> {
      await datasetService.datasetFor(caller, datasetId, "write");
      if (files.length > UPLOAD_LIMITS.filesPerRequest) {
        throw new ValidationError("files", `at most ${UPLOAD_LIMITS.filesPerRequest} files per request`);
      }
      const labels = new Map<string, string>();
      const results: UploadResult[] = [];
      for (const file of files) results.push(await uploadOne(datasetId, caller?.userId ?? "", file, labels));
      return results;
    },

    async page(caller: Caller | null, filter: ImageFilter, first: number, after?: string | null) {
      await datasetService.datasetFor(caller, filter.datasetId, "read");
      const take = Math.min(Math.max(first, 1), 200);
      const rows = await images.page(filter, take + 1, after ?? undefined);
      return { nodes: rows.slice(0, take), hasNextPage: rows.length > take, totalCount: () => images.count(filter) };
    },

    /** Relabel or move images; all must belong to one dataset the caller can write to. */
    async update(
      caller: Caller | null,
      ids: readonly string[],
      change: { labelId?: string | null; split?: Split | null },
    ) {
      const found = await images.findManyByIds(ids);
      const datasetIds = new Set(found.map((i) => i.datasetId));
      if (found.length !== ids.length || datasetIds.size !== 1) throw new NotFoundError("Image");
      const datasetId = [...datasetIds][0] as string;
      await datasetService.datasetFor(caller, datasetId, "write");
      if (change.labelId && !(await datasets.labelsOf([datasetId])).some((l) => l.id === change.labelId)) {
        throw new ValidationError("labelId", "That label is not in the images' dataset.");
      }
      await images.update(ids, { labelId: change.labelId, split: change.split ?? undefined });
      return images.findManyByIds(ids);
    },

    async delete(caller: Caller | null, ids: readonly string[]) {
      const found = await images.findManyByIds(ids);
      for (const datasetId of new Set(found.map((i) => i.datasetId)))
        await datasetService.datasetFor(caller, datasetId, "write");
      if (found.length !== ids.length) throw new NotFoundError("Image");
      return (await images.delete(ids)).count;
    },

    /** The thumbnail bytes, for members of the image's workspace only (null for anyone else). */
    async thumbnail(caller: Caller | null, id: string) {
      const row = caller ? await images.thumbnail(id) : null;
      if (!row?.blob.thumbnail) return null;
      const allowed = await access.require(caller, row.dataset.workspaceId, "read").then(
        () => true,
        () => false,
      );
      return allowed ? Buffer.from(row.blob.thumbnail) : null;
    },
  };
}

export type ImageService = ReturnType<typeof createImageService>;
