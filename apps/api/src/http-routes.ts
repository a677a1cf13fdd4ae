import { ARCHIVE_LIMITS } from "@retrain/ingest";
import express from "express";
import { refuseTooLarge } from "./body-reader.js";
import type { Services } from "./context.js";
import { sendError } from "./http-errors.js";
import type { AuthenticatedRequest } from "./http-guards.js";
import { datasetExportRoute } from "./rest/dataset-export-route.js";
import { OPENAPI } from "./rest/openapi.js";
import { predictRoute } from "./rest/predict-route.js";
import { uploadRoute } from "./rest/upload-route.js";
import { SpoolLimitError, spoolArchive } from "./services/datasets/archive-spool.js";
import type { ExportFormat } from "./services/serving/export-service.js";

const callerOf = (req: express.Request) => (req as AuthenticatedRequest).caller;

/**
 * What is not GraphQL: bytes. Thumbnails and model downloads for members only, and raw zip uploads (too
 * large for a JSON body), read only once the caller may import into the dataset. Errors carry GraphQL's codes.
 */
export function httpRoutes(services: Services): express.Router {
  const router = express.Router();
  router.get("/v1/openapi.json", (_req, res) => void res.json(OPENAPI));
  router.post("/v1/experiments/:id/predict", predictRoute(services));
  router.post("/v1/datasets/:id/images", uploadRoute(services));
  router.get("/v1/datasets/:id/export.zip", datasetExportRoute(services));
  router.get("/thumbnails/:id", async (req, res) => {
    try {
      const thumbnail = await services.images.thumbnail(callerOf(req), req.params.id);
      if (!thumbnail) return void res.status(404).send("Not found");
      res
        .set({ "content-type": thumbnail.mimeType, "cache-control": "private, max-age=86400" })
        .send(Buffer.from(thumbnail.bytes));
    } catch (error) {
      sendError(res, error);
    }
  });
  router.get("/exports/:file", async (req, res) => {
    try {
      const [, id = "", format = "zip"] = req.params.file.match(/^(\w+)\.(zip|onnx)$/) ?? [];
      const file = await services.exports.fileOf(callerOf(req), id, format as ExportFormat);
      // The product keeps its files under .data: a folder whose name starts with a dot must still be sent.
      // A team's model is nobody else's: no shared cache (a proxy, a CDN) may keep a copy.
      res.download(file, `retrained-model-${id}.${format}`, {
        dotfiles: "allow",
        cacheControl: false,
        headers: { "cache-control": "private, no-store" },
      });
    } catch (error) {
      sendError(res, error);
    }
  });
  router.post(
    "/datasets/:id/archive",
    async (req, res, next) => {
      try {
        await services.imports.authorize(callerOf(req), String(req.params.id));
        next();
      } catch (error) {
        // The body is not wanted: answer now and close, instead of reading it.
        req.pause();
        res.on("finish", () => req.socket.end());
        res.set("connection", "close");
        sendError(res, error);
      }
    },
    async (req, res) => {
      const limit = ARCHIVE_LIMITS.archiveBytes;
      if (Number(req.headers["content-length"] ?? 0) > limit) return refuseTooLarge(req, res, limit);
      // Streamed to a file as it arrives: a 500 MB zip never sits in the API's memory.
      const spooled = await spoolArchive(req, limit).catch((error: unknown) => {
        if (error instanceof SpoolLimitError) refuseTooLarge(req, res, limit);
        else sendError(res, error);
        return null;
      });
      if (!spooled) return;
      try {
        const job = await services.imports.startSpooled(callerOf(req), String(req.params.id), spooled);
        res.status(202).json({ jobId: job.id });
      } catch (error) {
        sendError(res, error);
      } finally {
        await spooled.dispose();
      }
    },
  );
  return router;
}
