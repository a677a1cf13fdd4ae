import busboy from "busboy";
import type express from "express";
import { PayloadTooLargeError, ValidationError } from "../domain/errors.js";
import { MAX_IMAGES } from "../services/serving/prediction-service.js";

/** What one REST request may carry: as many images as GraphQL's predict, each as large as an upload. */
export const IMAGE_BODY_LIMITS = { files: MAX_IMAGES, fileBytes: 20 * 1024 * 1024, totalBytes: 50 * 1024 * 1024 };

export interface BodyImage {
  name: string;
  bytes: Uint8Array;
}

/**
 * The images of a request body: the raw bytes of one image (`content-type: image/*`, its name from
 * `?name=`), or the files of a `multipart/form-data` form. Read as they arrive, each file up to its limit; a
 * body past a limit is refused (PAYLOAD_TOO_LARGE, or BAD_USER_INPUT for too many files) without reading on.
 */
export async function readImageBody(req: express.Request): Promise<BodyImage[]> {
  const type = String(req.headers["content-type"] ?? "");
  if (Number(req.headers["content-length"] ?? 0) > IMAGE_BODY_LIMITS.totalBytes)
    throw new PayloadTooLargeError(`The body is larger than ${IMAGE_BODY_LIMITS.totalBytes / 1024 ** 2} MB.`);
  if (type.startsWith("image/")) {
    const bytes = await readAll(req, IMAGE_BODY_LIMITS.fileBytes);
    return [{ name: String(req.query.name ?? "image"), bytes }];
  }
  if (type.startsWith("multipart/form-data")) return readForm(req);
  throw new ValidationError(
    "content-type",
    `Send an image (content-type image/jpeg, image/png, ...) or multipart/form-data with files, not "${type || "nothing"}".`,
  );
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new PayloadTooLargeError(`An image is larger than ${limit / 1024 ** 2} MB.`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function readForm(req: express.Request): Promise<BodyImage[]> {
  return new Promise((resolve, reject) => {
    const images: Promise<BodyImage>[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(form);
      req.resume(); // the rest is drained, not parsed, so the answer can go out
      reject(error);
    };
    const form = busboy({
      headers: req.headers,
      limits: { files: IMAGE_BODY_LIMITS.files, fileSize: IMAGE_BODY_LIMITS.fileBytes, fields: 16 },
    });
    form.on("file", (_field, file, info) => {
      const name = info.filename || `image ${images.length + 1}`;
      images.push(
        new Promise((done, broken) => {
          const chunks: Buffer[] = [];
          file.on("data", (chunk: Buffer) => {
            // A form sent without a length is bounded as it arrives: all its files together.
            total += chunk.length;
            if (total > IMAGE_BODY_LIMITS.totalBytes)
              fail(new PayloadTooLargeError(`The body is larger than ${IMAGE_BODY_LIMITS.totalBytes / 1024 ** 2} MB.`));
            else chunks.push(chunk);
          });
          file.on("limit", () => {
            fail(new PayloadTooLargeError(`${name} is larger than ${IMAGE_BODY_LIMITS.fileBytes / 1024 ** 2} MB.`));
            file.resume();
          });
          file.on("error", broken);
          file.on("end", () => done({ name, bytes: new Uint8Array(Buffer.concat(chunks)) }));
        }),
      );
    });
    form.on("filesLimit", () =>
      fail(new ValidationError("files", `Send at most ${IMAGE_BODY_LIMITS.files} files in one request.`)),
    );
    form.on("error", (error: Error) =>
      fail(new ValidationError("body", `The form could not be read: ${error.message}`)),
    );
    form.on("close", () => {
      if (settled) return;
      Promise.all(images).then((read) => {
        settled = true;
        if (read.length === 0) reject(new ValidationError("files", "The form holds no file."));
        else resolve(read);
      }, fail);
    });
    req.pipe(form);
  });
}
