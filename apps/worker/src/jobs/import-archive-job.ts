import { imagesRepository, jobsRepository } from "@retrain/db";
import { ArchiveError, createImageIngest, openArchive } from "@retrain/ingest";
import type { WorkerDeps } from "./extract-missing.js";

const KEEP_REJECTIONS = 200;

/**
 * IMPORT_ARCHIVE: a class-per-folder zip into a dataset, one image at a time with progress. An unsafe or
 * unreadable archive fails the job with the reason and imports nothing; an unreadable image is listed
 * and skipped. A retry reports the images already imported as duplicates, so nothing lands twice.
 */
export async function runImportArchiveJob(deps: WorkerDeps, jobId: string): Promise<void> {
  const jobs = jobsRepository(deps.db);
  const images = imagesRepository(deps.db);
  const job = await jobs.findById(jobId);
  if (!job || job.status === "SUCCEEDED" || job.status === "CANCELLED" || !job.datasetId) return;
  const archiveSha = job.inputSha256;
  const bytes = archiveSha ? await images.blobBytes(archiveSha) : null;
  if (!archiveSha || !bytes) return void (await jobs.finish(jobId, "FAILED", { error: "The archive is gone." }));
  const counts = { accepted: 0, duplicates: 0, rejected: 0 };
  const rejections: { name: string; reason: string }[] = [];
  try {
    const archive = await openArchive(Buffer.from(bytes));
    await jobs.start(jobId, archive.count);
    const ingest = createImageIngest(deps.db, job.datasetId, job.createdById);
    let done = 0;
    let lastWrite = 0;
    for await (const item of archive.images) {
      const result = "error" in item ? null : await ingest({ name: item.path, bytes: item.bytes, label: item.label });
      if (!result || result.status === "REJECTED") {
        counts.rejected++;
        const reason = result?.status === "REJECTED" ? result.reason : "error" in item ? item.error : "";
        if (rejections.length < KEEP_REJECTIONS) rejections.push({ name: item.path, reason });
      } else if (result.status === "DUPLICATE") counts.duplicates++;
      else counts.accepted++;
      done++;
      if (Date.now() - lastWrite > 250) {
        lastWrite = Date.now();
        await jobs.progress(jobId, done, { ...counts, rejections });
        if (await jobs.cancelRequested(jobId)) break;
      }
    }
    await jobs.progress(jobId, done);
    const cancelled = done < archive.count;
    await jobs.finish(jobId, cancelled ? "CANCELLED" : "SUCCEEDED", {
      result: { ...counts, rejections },
      inputSha256: null,
    });
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    await jobs.finish(jobId, "FAILED", { error: error.message, inputSha256: null });
  }
  await images.deleteUnusedBlob(archiveSha);
}
