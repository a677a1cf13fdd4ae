import { randomUUID } from "node:crypto";
import { type Db, type ObjectStore, objectStoreOf, type Split, stagedUploadPrefix } from "@retrain/db";
import { createImageIngest, createIngestGroup, type IncomingImage, type IngestResult } from "@retrain/ingest";
import { ConflictError, ValidationError } from "../../domain/errors.js";
import { type Caller, requireCaller } from "../workspaces/access.js";
import type { DatasetService } from "./dataset-service.js";
import { checkUploadFiles, UPLOAD_LIMITS } from "./upload-checks.js";

/** How long an upload URL stays valid: long enough for 20 MB on a slow line, short enough to be no standing key. */
export const DIRECT_UPLOAD_SECONDS = 15 * 60;

/** An upload URL for one file: PUT the file's bytes (exactly `size` of them) there, then finish with `key`. */
export interface DirectUpload {
  name: string;
  key: string;
  url: string;
  expiresAt: Date;
}

/** A file uploaded to its URL, to be stored as an image of the dataset. */
export interface FinishedUpload {
  key: string;
  name: string;
  label?: string | null;
  split?: Split | null;
}

/** How a client may send images here: through the API always; straight to the store when there is one. */
export interface UploadOptions {
  direct: boolean;
  fromBrowsers: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Uploads that go straight to the S3 store (presigned PUT URLs), so a large upload's bytes never pass through
 * the API: `start` hands out a URL per file under the dataset's staging prefix; `finish` reads each staged
 * file, stores it as `uploadImages` would (a result per file), and deletes what it read. Staged files never
 * finished are deleted by the worker's object sweep. With PostgreSQL blobs there is no store to upload to.
 * `browserUploads`: the bucket lets the dashboard's pages PUT too (its CORS rule was set at start).
 */
export function createDirectUploads(db: Db, datasetService: DatasetService, browserUploads: boolean) {
  async function storeFor(caller: Caller | null, datasetId: string): Promise<ObjectStore> {
    await datasetService.datasetFor(caller, datasetId, "write");
    const store = objectStoreOf(db);
    if (!store)
      throw new ConflictError(
        "Direct uploads need the S3 blob store (BLOB_STORE=s3); send the bytes to uploadImages or POST /v1/datasets/{id}/images.",
      );
    return store;
  }

  return {
    /** Signed-in callers only: which store holds the bytes is no one else's business. */
    options(caller: Caller | null): UploadOptions {
      requireCaller(caller);
      const direct = objectStoreOf(db) !== null;
      return { direct, fromBrowsers: direct && browserUploads };
    },

    async start(caller: Caller | null, datasetId: string, files: { name: string; size: number }[]) {
      const store = await storeFor(caller, datasetId);
      checkUploadFiles("files", files);
      for (const [i, file] of files.entries())
        if (!Number.isInteger(file.size) || file.size < 1 || file.size > UPLOAD_LIMITS.bytesPerFile)
          throw new ValidationError(`files.${i}.size`, `A file is 1 byte to ${UPLOAD_LIMITS.bytesPerFile} bytes.`);
      const expiresAt = new Date(Date.now() + DIRECT_UPLOAD_SECONDS * 1000);
      return Promise.all(
        files.map(async ({ name, size }): Promise<DirectUpload> => {
          const key = `${stagedUploadPrefix(datasetId)}${randomUUID()}`;
          return { name, key, url: await store.uploadUrl(key, size, DIRECT_UPLOAD_SECONDS), expiresAt };
        }),
      );
    },

    async finish(caller: Caller | null, datasetId: string, uploads: FinishedUpload[]): Promise<IngestResult[]> {
      const store = await storeFor(caller, datasetId);
      checkUploadFiles("uploads", uploads);
      const prefix = stagedUploadPrefix(datasetId);
      for (const [i, upload] of uploads.entries())
        if (!upload.key.startsWith(prefix) || !UUID.test(upload.key.slice(prefix.length)))
          throw new ValidationError(`uploads.${i}.key`, "That key is not an upload URL's of this dataset.");
      const ingest = createImageIngest(db, datasetId, caller?.userId ?? null);
      const results: IngestResult[] = [];
      // Read one at a time and stored a group at a time: memory holds a group (8 MB), not 100 files of 20 MB.
      const group = createIngestGroup((item: { file: IncomingImage; key: string }) => item.file.bytes.length);
      const storeGroup = async () => {
        const items = group.take();
        results.push(...(await ingest.many(items.map((item) => item.file))));
        await store.delete(items.map((item) => item.key));
      };
      for (const upload of uploads) {
        const bytes = await store.get(upload.key);
        if (!bytes) {
          if (group.size) await storeGroup();
          results.push({
            name: upload.name,
            status: "REJECTED",
            reason: "Nothing was uploaded to its URL (or it was finished before).",
          });
          continue;
        }
        const file = { name: upload.name, bytes, label: upload.label, split: upload.split };
        if (group.add({ file, key: upload.key })) await storeGroup();
      }
      if (group.size) await storeGroup();
      return results;
    },
  };
}

export type DirectUploads = ReturnType<typeof createDirectUploads>;
