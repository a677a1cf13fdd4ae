import type { Split } from "@retrain/db";
import type { ImageIngest, IncomingImage, IngestResult } from "@retrain/ingest";
import { createIngestGroup, IMAGE_LIMITS, splitNamed } from "@retrain/ingest";
import busboy from "busboy";
import type express from "express";
import { ValidationError } from "../domain/errors.js";

/** A streamed upload: many files, a few at a time in memory, each up to an image's limit. */
export const UPLOAD_STREAM_LIMITS = { files: 10_000, fileBytes: IMAGE_LIMITS.bytesPerFile };
/** Groups of files stored at once while the next is read: both cores busy on a 2-core machine. */
const STORING = 2;

/** The label a file's path gives it: its folder (`daisy/1.jpg` is a daisy), as when class folders are dropped. */
const folderOf = (name: string) => name.split("/").slice(0, -1).at(-1);

/**
 * Ingests the images of a request body as they arrive: the raw bytes of one image (`content-type: image/*`,
 * `?name=`, `?label=`, `?split=`), or the files of a `multipart/form-data` form. In a form, `label` and
 * `split` fields apply to the files after them; a file without a label field takes its folder's name. Only
 * a few files are in memory at a time; the request waits while storage catches up.
 * A file past its limit is rejected with its reason and the others still land.
 */
export async function ingestBody(req: express.Request, ingest: ImageIngest): Promise<IngestResult[]> {
  const type = String(req.headers["content-type"] ?? "");
  const query = (key: string) => (typeof req.query[key] === "string" ? String(req.query[key]) : undefined);
  if (type.startsWith("image/")) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= UPLOAD_STREAM_LIMITS.fileBytes) chunks.push(chunk);
    }
    const name = query("name") ?? "image";
    if (size > UPLOAD_STREAM_LIMITS.fileBytes) return [tooLarge(name)];
    return [
      await ingest({ name, bytes: Buffer.concat(chunks), label: query("label"), split: splitOf(query("split")) }),
    ];
  }
  if (type.startsWith("multipart/form-data")) return ingestForm(req, ingest);
  throw new ValidationError(
    "content-type",
    `Send an image (content-type image/jpeg, image/png, ...) or multipart/form-data with files, not "${type || "nothing"}".`,
  );
}

function splitOf(value: string | undefined): Split | undefined {
  if (value === undefined || value === "") return undefined;
  const split = splitNamed(value);
  if (!split) throw new ValidationError("split", `A split is train, validation or test, not "${value}".`);
  return split;
}

const tooLarge = (name: string): IngestResult => ({
  name,
  status: "REJECTED",
  reason: `larger than ${UPLOAD_STREAM_LIMITS.fileBytes / 1024 / 1024} MB`,
});

function ingestForm(req: express.Request, ingest: ImageIngest): Promise<IngestResult[]> {
  return new Promise((resolve, reject) => {
    const results: IngestResult[] = [];
    const fields: { label?: string; split?: Split } = {};
    // Files are read one at a time, in the form's order, into a group; up to STORING earlier groups are stored
    // (decoded, thumbnailed, written) meanwhile: reading the network overlaps storing, and storing uses both
    // cores. A file waiting its turn is paused, busboy stops parsing, and the request stops flowing with it
    // (backpressure): at most STORING + 1 groups are held, whatever the size of the form.
    let reading: Promise<void> = Promise.resolve();
    const storing = new Set<Promise<void>>();
    const group = createIngestGroup((item: { index: number; file: IncomingImage }) => item.file.bytes.length);
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(form);
      req.resume();
      reject(error);
    };
    const storeGroup = () => {
      const files = group.take();
      if (files.length === 0) return;
      const store = (async () => {
        const stored = await ingest.many(files.map((f) => f.file));
        for (const [i, { index }] of files.entries()) results[index] = stored[i] as IngestResult;
      })();
      storing.add(store);
      store.then(() => storing.delete(store), fail);
    };
    const form = busboy({
      headers: req.headers,
      // Keep the folders of a dropped folder's files: they name the labels and keep same-named files apart.
      preservePath: true,
      limits: { files: UPLOAD_STREAM_LIMITS.files, fileSize: UPLOAD_STREAM_LIMITS.fileBytes, fields: 1_000 },
    });
    form.on("field", (name, value) => {
      try {
        if (name === "label") fields.label = value;
        else if (name === "split") fields.split = splitOf(value);
      } catch (error) {
        fail(error as Error);
      }
    });
    let files = 0;
    form.on("file", (_field, file, info) => {
      const index = files++;
      const name = info.filename || `image ${index + 1}`;
      const label = fields.label ?? folderOf(name);
      const split = fields.split;
      file.pause();
      reading = reading.then(async () => {
        while (storing.size >= STORING) await Promise.race(storing);
        const chunks: Buffer[] = [];
        let truncated = false;
        file.on("limit", () => {
          truncated = true;
        });
        for await (const chunk of file) if (!failed) chunks.push(chunk as Buffer);
        if (failed) return; // refused already: the rest is drained, not stored
        if (truncated) results[index] = tooLarge(name);
        else if (group.add({ index, file: { name, bytes: Buffer.concat(chunks), label, split } })) storeGroup();
      });
      reading.catch(fail);
    });
    form.on("filesLimit", () =>
      fail(new ValidationError("files", `Send at most ${UPLOAD_STREAM_LIMITS.files} files in one request.`)),
    );
    form.on("error", (error: Error) =>
      fail(new ValidationError("body", `The form could not be read: ${error.message}`)),
    );
    // Parsed: every file has its turn queued; the answer goes once the last is read and all are stored.
    form.on("close", () =>
      reading.then(async () => {
        storeGroup();
        await Promise.all(storing);
        if (failed) return;
        if (results.length === 0) reject(new ValidationError("files", "The form holds no file."));
        else resolve(results);
      }, fail),
    );
    req.pipe(form);
  });
}
