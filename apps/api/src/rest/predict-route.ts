import type express from "express";
import type { Services } from "../context.js";
import { UnauthenticatedError } from "../domain/errors.js";
import { sendError } from "../http-errors.js";
import type { AuthenticatedRequest } from "../http-guards.js";
import { imageAnswer } from "../services/serving/image-answer.js";
import { readImageBody } from "./image-body.js";

/**
 * POST /v1/experiments/:id/predict: images as raw bytes or a multipart form, answered as GraphQL's predict
 * answers (same service, same fields but evidence). `?alias=` (production by default), `?topK=`. The body is
 * read only once the caller may predict with the experiment's alias; a PREDICT-scope token is enough.
 */
export function predictRoute(services: Services): express.RequestHandler {
  return async (req, res) => {
    try {
      const caller = (req as AuthenticatedRequest).caller;
      if (!caller) throw new UnauthenticatedError();
      const topK = req.query.topK === undefined ? undefined : Number(req.query.topK);
      const result = await services.predictions.predict(caller, {
        experimentId: String(req.params.id),
        alias: typeof req.query.alias === "string" ? req.query.alias : "production",
        readImages: () => readImageBody(req),
        topK: Number.isFinite(topK) ? topK : undefined,
      });
      res.json({
        checkpointId: result.checkpointId,
        labels: result.labels,
        latencyMs: result.latencyMs,
        results: result.results.map(imageAnswer),
      });
    } catch (error) {
      if (!req.complete) res.set("connection", "close"); // the rest of a refused body is not read
      sendError(res, error);
    }
  };
}
