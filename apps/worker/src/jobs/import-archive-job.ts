import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { imagesRepository, isDatabaseUnavailable, jobsRepository } from "@retrain/db";
import {
  type ArchiveImage,
  createImageIngest,
  createIngestGroup,
  type IngestResult,
  openArchive,
} from "@retrain/ingest";
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
 * IMPORT_ARCHIVE: a class-per-folder zip into a dataset, in groups of images stored together, with progress. An unsafe or
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
  // Captured before `start` resets it: a retry's first attempt started at this moment.
  const firstStarted = job.startedAt;
  if (!resumeAt) await jobs.start(job.id, archive.count);
  const ingest = createImageIngest(deps.db, job.datasetId, job.createdById);
  const images = imagesRepository(deps.db);
  /**
   * On a retry, a "duplicate" the dead attempt stored itself (after its last recorded group): the entry's own
   * name, stored since the job first started. Counted as accepted, so a resumed import's counts stay exact.
   */
  const storedByEarlierAttempt = async (result: IngestResult) => {
    if (job.attempts <= 1 || result.status !== "DUPLICATE" || !firstStarted) return false;
    const [image] = await images.findManyByIds([result.imageId]);
    return image?.originalName === result.name && image.createdAt >= firstStarted;
  };
  const count = async (result: IngestResult | { name: string; status: "UNREADABLE"; reason: string }) => {
    if (result.status === "REJECTED" || result.status === "UNREADABLE") {
      counts.rejected++;
      if (counts.rejections.length < KEEP_REJECTIONS)
        counts.rejections.push({ name: result.name, reason: result.reason });
    } else if (result.status === "DUPLICATE" && !(await storedByEarlierAttempt(result))) counts.duplicates++;
    else counts.accepted++;
  };
  let done = 0;
  const group = createIngestGroup((item: ArchiveImage) => item.bytes.length);
  /** A group's images stored together (`ingest.many`), then progress (`at` entries) and counts recorded together. */
  const storeGroup = async (at: number) => {
    const results = await ingest.many(
      group.take().map((item) => ({ name: item.path, bytes: item.bytes, label: item.label, split: item.split })),
    );
    for (const result of results) await count(result);
    // After each group is stored: a retry resumes after the last group recorded, its counts exact (above).
    await ctx.progress(at, { ...counts }, true);
  };
  for await (const item of archive.images) {
    if (done++ < resumeAt) continue; // recorded by an earlier attempt
    if ("error" in item) {
      // In order: the group before it is stored (and recorded) first.
      if (group.size > 0) await storeGroup(done - 1);
      await count({ name: item.path, status: "UNREADABLE", reason: item.error });
      await ctx.progress(done, { ...counts }, true);
    } else if (group.add(item)) await storeGroup(done);
    if (ctx.signal.aborted) break;
  }
  if (group.size > 0 && !ctx.signal.aborted) await storeGroup(done);
  // The archive stays while a retry may need it; once the job ends, the worker drops it (see main.ts).
  return { status: done >= archive.count && !ctx.signal.aborted ? "SUCCEEDED" : "CANCELLED", result: { ...counts } };
}
