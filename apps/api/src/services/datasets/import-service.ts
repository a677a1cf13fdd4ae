import { type Db, jobsRepository } from "@retrain/db";
import { ARCHIVE_LIMITS, ArchiveError, inspectArchive } from "@retrain/ingest";
import type { JobQueue } from "@retrain/jobs";
import { ValidationError } from "../../domain/errors.js";
import type { Access, Caller } from "../workspaces/access.js";
import type { JobQuota } from "../workspaces/job-quota.js";
import { type SpooledArchive, SpoolLimitError, spoolArchive } from "./archive-spool.js";
import type { DatasetService } from "./dataset-service.js";

const ZIP_MAGIC = Buffer.from("PK\u0003\u0004", "latin1");
const tooLarge = () =>
  new ValidationError("archive", `The archive is larger than ${ARCHIVE_LIMITS.archiveBytes / 1024 ** 2} MB.`);

/**
 * Zip imports: the archive is spooled to disk, checked, stored in the database in chunks (so any worker can
 * read it) and unpacked by an IMPORT_ARCHIVE job. Neither the API nor the worker holds it whole in memory.
 */
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

    /** An archive as a buffer (GraphQL's base64, for small zips): spooled to disk like an upload. */
    async start(caller: Caller | null, datasetId: string, archive: Buffer) {
      await this.authorize(caller, datasetId);
      const spooled = await spoolArchive(archive, ARCHIVE_LIMITS.archiveBytes).catch((error: unknown) => {
        throw error instanceof SpoolLimitError ? tooLarge() : error;
      });
      try {
        return await this.startSpooled(caller, datasetId, spooled);
      } finally {
        await spooled.dispose();
      }
    },

    /**
     * An archive on disk (a streamed upload): checked without unpacking (signature, entry count), then stored
     * in the database 1 MB at a time with its job, for any worker to read the same way.
     */
    async startSpooled(caller: Caller | null, datasetId: string, archive: SpooledArchive) {
      const dataset = await this.authorize(caller, datasetId);
      if (archive.size > ARCHIVE_LIMITS.archiveBytes) throw tooLarge();
      if (!archive.head.equals(ZIP_MAGIC)) throw new ValidationError("archive", "That file is not a zip archive.");
      // The central directory's entry count, checked now: a million folders never reach a worker.
      await inspectArchive({ path: archive.path }).catch((error: unknown) => {
        throw error instanceof ArchiveError ? new ValidationError("archive", error.message) : error;
      });
      const job = await jobsRepository(db).createWithChunkedInput(
        { sha256: archive.sha256, size: archive.size, mimeType: "application/zip" },
        archive.chunks(),
        { workspaceId: dataset.workspaceId, kind: "IMPORT_ARCHIVE", datasetId, createdById: caller?.userId ?? null },
      );
      await queue.send("IMPORT_ARCHIVE", { jobId: job.id });
      return job;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
