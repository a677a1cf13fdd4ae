import { createHash } from "node:crypto";
import { type Db, jobsRepository } from "@retrain/db";
import { ARCHIVE_LIMITS, ArchiveError, inspectArchive } from "@retrain/ingest";
import type { JobQueue } from "@retrain/jobs";
import { ValidationError } from "../../domain/errors.js";
import type { Access, Caller } from "../workspaces/access.js";
import type { JobQuota } from "../workspaces/job-quota.js";
import type { DatasetService } from "./dataset-service.js";

const ZIP_MAGIC = Buffer.from("PK\u0003\u0004", "latin1");

/** Zip imports: the archive is stored (so any worker can read it) and unpacked by an IMPORT_ARCHIVE job. */
export function createImportService(
  db: Db,
  access: Access,
  datasets: DatasetService,
  queue: JobQueue,
  quota: JobQuota,
) {
  return {
    /** Who may import into a dataset: checked before a byte of the archive is read. */
    async authorize(caller: Caller | null, datasetId: string) {
      const dataset = await datasets.datasetFor(caller, datasetId, "write");
      await access.require(caller, dataset.workspaceId, "write");
      await quota.check(dataset.workspaceId);
      return dataset;
    },

    async start(caller: Caller | null, datasetId: string, archive: Buffer) {
      const dataset = await this.authorize(caller, datasetId);
      if (archive.length > ARCHIVE_LIMITS.archiveBytes)
        throw new ValidationError(
          "archive",
          `The archive is larger than ${ARCHIVE_LIMITS.archiveBytes / 1024 ** 2} MB.`,
        );
      if (!archive.subarray(0, 4).equals(ZIP_MAGIC))
        throw new ValidationError("archive", "That file is not a zip archive.");
      // The central directory's entry count, checked now: a million folders never reach a worker.
      await inspectArchive(archive).catch((error: unknown) => {
        throw error instanceof ArchiveError ? new ValidationError("archive", error.message) : error;
      });
      const sha256 = createHash("sha256").update(archive).digest("hex");
      const job = await jobsRepository(db).createWithInput(
        { sha256, bytes: new Uint8Array(archive), mimeType: "application/zip" },
        { workspaceId: dataset.workspaceId, kind: "IMPORT_ARCHIVE", datasetId, createdById: caller?.userId ?? null },
      );
      await queue.send("IMPORT_ARCHIVE", { jobId: job.id });
      return job;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
