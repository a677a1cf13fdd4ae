import {
  type Db,
  datasetsRepository,
  type ImageFilter,
  imagesRepository,
  type PageRequest,
  type Split,
} from "@retrain/db";
import { createImageIngest, IMAGE_LIMITS, type IncomingImage, type IngestResult } from "@retrain/ingest";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { requireName } from "../../domain/validate.js";
import type { Access, Caller } from "../workspaces/access.js";
import type { DatasetService } from "./dataset-service.js";

export const UPLOAD_LIMITS = { filesPerRequest: 100, bytesPerFile: IMAGE_LIMITS.bytesPerFile };

export interface UploadFile {
  name: string;
  base64: string;
  /** Label name; created if the dataset has no such label yet. */
  label?: string | null;
  split?: Split | null;
}

export type UploadResult = IngestResult;

export function createImageService(db: Db, access: Access, datasetService: DatasetService) {
  const images = imagesRepository(db);
  const datasets = datasetsRepository(db);

  return {
    /** One result per file: a bad file is rejected with its reason while the others land. */
    async upload(caller: Caller | null, datasetId: string, files: UploadFile[]): Promise<UploadResult[]> {
      await datasetService.datasetFor(caller, datasetId, "write");
      if (files.length > UPLOAD_LIMITS.filesPerRequest) {
        throw new ValidationError("files", `at most ${UPLOAD_LIMITS.filesPerRequest} files per request`);
      }
      for (const [i, file] of files.entries()) {
        if (file.name.length > IMAGE_LIMITS.nameLength)
          throw new ValidationError(`files.${i}.name`, `a file name is at most ${IMAGE_LIMITS.nameLength} characters`);
        if (file.label) requireName(`files.${i}.label`, file.label, IMAGE_LIMITS.labelLength);
      }
      const ingest = createImageIngest(db, datasetId, caller?.userId ?? null);
      const results: UploadResult[] = [];
      for (const file of files) results.push(await ingest({ ...file, bytes: Buffer.from(file.base64, "base64") }));
      return results;
    },

    /**
     * An upload read one file at a time (the REST route streams a form): access is checked once, before any
     * byte is read; each file then lands or is rejected with its reason as it arrives.
     */
    async openUpload(
      caller: Caller | null,
      datasetId: string,
    ): Promise<(file: IncomingImage) => Promise<UploadResult>> {
      await datasetService.datasetFor(caller, datasetId, "write");
      return createImageIngest(db, datasetId, caller?.userId ?? null);
    },

    async page(caller: Caller | null, filter: ImageFilter, page: PageRequest) {
      await datasetService.datasetFor(caller, filter.datasetId, "read");
      return images.page(filter, page);
    },

    /** Images matching the filters (the connection's totalCount; access was checked by `page`). */
    count: (filter: ImageFilter) => images.count(filter),

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
