import { pipeline } from "node:stream/promises";
import { splitNamed } from "@retrain/ingest";
import type express from "express";
import type { Services } from "../context.js";
import { UnauthenticatedError, ValidationError } from "../domain/errors.js";
import { sendError } from "../http-errors.js";
import type { AuthenticatedRequest } from "../http-guards.js";
import { log } from "../observability/log.js";

/**
 * GET /v1/datasets/:id/export.zip: the dataset as class folders with manifest.csv, streamed; `?label=` and
 * `?split=` export a selection. Importing the zip (POST /datasets/:id/archive) gives back the same labels and
 * splits.
 */
export function datasetExportRoute(services: Services): express.RequestHandler {
  return async (req, res) => {
    try {
      const caller = (req as AuthenticatedRequest).caller;
      if (!caller) throw new UnauthenticatedError();
      const splitText = typeof req.query.split === "string" ? req.query.split : undefined;
      const split = splitText === undefined ? undefined : splitNamed(splitText);
      if (splitText !== undefined && !split)
        throw new ValidationError("split", `A split is train, validation or test, not "${splitText}".`);
      const { name, zip } = await services.datasetExports.open(caller, String(req.params.id), {
        label: typeof req.query.label === "string" ? req.query.label : undefined,
        split,
      });
      res.set({
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      });
      await pipeline(zip, res).catch((error: unknown) => {
        // Headers are gone: the client sees a cut download, the log says why.
        log.error({ err: error }, "dataset export stopped");
        res.destroy();
      });
    } catch (error) {
      sendError(res, error);
    }
  };
}
