import type express from "express";
import type { Services } from "../context.js";
import { UnauthenticatedError } from "../domain/errors.js";
import { sendError } from "../http-errors.js";
import type { AuthenticatedRequest } from "../http-guards.js";
import { ingestBody } from "./upload-stream.js";

/**
 * POST /v1/datasets/:id/images: images streamed into a dataset as raw bytes or a multipart form (no base64,
 * no limit on the number of files but 10,000 a request), answered with uploadImages' results, one per file.
 * The body is read only once the caller may write to the dataset.
 */
export function uploadRoute(services: Services): express.RequestHandler {
  return async (req, res) => {
    try {
      const caller = (req as AuthenticatedRequest).caller;
      if (!caller) throw new UnauthenticatedError();
      const ingest = await services.images.openUpload(caller, String(req.params.id));
      const results = await ingestBody(req, ingest);
      res.json({ results });
    } catch (error) {
      if (!req.complete) res.set("connection", "close"); // the rest of a refused body is not read
      sendError(res, error);
    }
  };
}
