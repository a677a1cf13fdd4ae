import { randomUUID } from "node:crypto";
import type express from "express";
import { httpDuration } from "./api-metrics.js";
import { log } from "./log.js";

/** A request id a client may choose: short and plain, so it cannot forge log lines. */
const CLIENT_ID = /^[\w.:-]{1,128}$/;

export interface TracedRequest extends express.Request {
  requestId?: string;
}

/**
 * Every HTTP request gets an id (the caller's `x-request-id` when it is plain, else a new one), echoed in the
 * response, and is timed: one log line when it ends (the slow and failed ones above debug), one histogram
 * observation by method, route and status.
 */
export function requestLogging(): express.RequestHandler {
  return (req, res, next) => {
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && CLIENT_ID.test(given) ? given : randomUUID();
    (req as TracedRequest).requestId = id;
    res.setHeader("x-request-id", id);
    const started = performance.now();
    res.on("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      const route = `/${req.originalUrl.split(/[/?]/)[1] ?? ""}`;
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      const level = res.statusCode >= 500 ? "error" : seconds > 1 ? "info" : "debug";
      log[level](
        { requestId: id, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) },
        "request",
      );
    });
    next();
  };
}
