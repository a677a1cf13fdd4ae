import { ARCHIVE_LIMITS } from "@retrain/ingest";
import express from "express";
import type { Services } from "./context.js";
import { DomainError } from "./domain/errors.js";
import { toGraphQLError } from "./errors.js";
import type { Caller } from "./services/access.js";

type CallerOf = (req: express.Request) => Promise<Caller | null>;

/** A domain error as JSON with the same code GraphQL would give; anything else is masked. */
function sendError(res: express.Response, error: unknown) {
  if (!(error instanceof DomainError)) {
    console.error("unexpected error:", error);
    return void res.status(500).json({ error: { message: "Internal server error", code: "INTERNAL_SERVER_ERROR" } });
  }
  const mapped = toGraphQLError(error);
  const code = String(mapped.extensions.code);
  const status = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409 }[code] ?? 400;
  res.status(status).json({ error: { message: mapped.message, ...mapped.extensions } });
}

/**
 * What is not GraphQL: bytes. Thumbnails and model downloads for members only, and raw zip uploads (too
 * large for a JSON body). Errors carry the GraphQL error codes.
 */
export function httpRoutes(services: Services, callerOf: CallerOf): express.Router {
  const router = express.Router();
  router.get("/thumbnails/:id", async (req, res) => {
    const bytes = await services.images.thumbnail(await callerOf(req), req.params.id);
    if (!bytes) return void res.status(404).send("Not found");
    res.set({ "content-type": "image/webp", "cache-control": "private, max-age=86400" }).send(bytes);
  });
  router.get("/exports/:file", async (req, res) => {
    try {
      const id = req.params.file.replace(/\.zip$/, "");
      const zip = await services.exports.zipOf(await callerOf(req), id);
      res.download(zip, `retrained-model-${id}.zip`);
    } catch (error) {
      sendError(res, error);
    }
  });
  router.post(
    "/datasets/:id/archive",
    express.raw({ type: () => true, limit: ARCHIVE_LIMITS.archiveBytes }),
    async (req, res) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const job = await services.imports.start(await callerOf(req), req.params.id, body);
        res.status(202).json({ jobId: job.id });
      } catch (error) {
        sendError(res, error);
      }
    },
  );
  return router;
}
