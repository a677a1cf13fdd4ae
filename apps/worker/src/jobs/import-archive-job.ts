import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { imagesRepository, isDatabaseUnavailable, jobsRepository } from "@retrain/db";
import { createImageIngest, openArchive } from "@retrain/ingest";
import { JobFailure } from "../runner/job-failure.js";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import type { WorkerDeps } from "./worker-deps.js";

const KEEP_REJECTIONS = 200;

interface Counts {
  accepted: number;
  duplicates: number;
  rejected: number;
  rejections: { name: string; reason: string }[];
}

/**
 * IMPORT_ARCHIVE: a class-per-folder zip into a dataset, one image at a time with progress. An unsafe or
 * unreadable archive fails the job with the reason and imports nothing; an unreadable image is listed and
 * skipped. A retry (its worker died or stopped) goes on from the last recorded entry with the counts so far,
 * and anything it meets again is recognised by its hash: nothing lands twice, nothing is skipped.
 */
export async function importArchiveJob(
  deps: WorkerDeps,
  ctx: JobContext<"IMPORT_ARCHIVE">,
): Promise<JobOutcome<"IMPORT_ARCHIVE">> {
  const { job } = ctx;
  const images = imagesRepository(deps.db);
  if (!job.inputSha256) throw new JobFailure("The archive is gone.");
  // Copied to this machine's disk a chunk at a time, then read entry by entry: never whole in memory.
  const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-import-"));
  const file = path.join(dir, "archive.zip");
  try {
    await pipeline(Readable.from(images.blobChunks(job.inputSha256)), createWriteStream(file)).catch(
      (error: unknown) => {
        if (isDatabaseUnavailable(error)) throw error; // back to the queue until the database returns
        throw new JobFailure("The archive is gone.");
      },
    );
    return await importFile(deps, ctx, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importFile(
  deps: WorkerDeps,
  ctx: JobContext<"IMPORT_ARCHIVE">,
  file: string,
): Promise<JobOutcome<"IMPORT_ARCHIVE">> {
  const { job } = ctx;
  if (!job.datasetId) throw new JobFailure("The job names no dataset.");
  const jobs = jobsRepository(deps.db);
  const archive = await openArchive({ path: file });
  const resumeAt = job.attempts > 1 ? job.progressDone : 0;
  const saved = job.result ?? {};
  const counts: Counts = {
    accepted: resumeAt ? (saved.accepted ?? 0) : 0,
    duplicates: resumeAt ? (saved.duplicates ?? 0) : 0,
    rejected: resumeAt ? (saved.rejected ?? 0) : 0,
    rejections: resumeAt ? (saved.rejections ?? []) : [],
  };
  if (!resumeAt) await jobs.start(job.id, archive.count);
  const ingest = createImageIngest(deps.db, job.datasetId, job.createdById);
  let done = 0;
  for await (const item of archive.images) {
    if (done++ < resumeAt) continue; // recorded by an earlier attempt
    const result =
      "error" in item
        ? null
        : await ingest({ name: item.path, bytes: item.bytes, label: item.label, split: item.split });
    if (!result || result.status === "REJECTED") {
      counts.rejected++;
      const reason = result?.status === "REJECTED" ? result.reason : "error" in item ? item.error : "";
      if (counts.rejections.length < KEEP_REJECTIONS) counts.rejections.push({ name: item.path, reason });
    } else if (result.status === "DUPLICATE") counts.duplicates++;
    else counts.accepted++;
    // Progress and counts together, after each image is stored (a write an image, next to the image's own
    // several): a retry resumes exactly after the last one, its counts exact.
    await ctx.progress(done, { ...counts }, true);
    if (ctx.signal.aborted) break;
  }
  // The archive stays while a retry may need it; once the job ends, the worker drops it (see main.ts).
  return { status: done >= archive.count && !ctx.signal.aborted ? "SUCCEEDED" : "CANCELLED", result: { ...counts } };
}
