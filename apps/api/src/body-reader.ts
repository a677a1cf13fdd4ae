import type express from "express";

/** Where a too-large body is stopped: the answer goes out, the connection closes, the rest is never read. */
export function refuseTooLarge(req: express.Request, res: express.Response, limit: number) {
  req.pause();
  res.on("finish", () => {
    // A half-close lets the client read the answer; the socket goes once it has (or after a grace period).
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 5000).unref();
  });
  res
    .status(413)
    .set("connection", "close")
    .json({
      errors: [
        {
          message: `The request body is larger than ${Math.round(limit / 1024)} KB${limit < 1024 * 1024 ? " (sign in for more)" : ""}.`,
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
}

/**
 * Reads a request body up to `limitOf(req)` bytes into `req.body` (a Buffer, or parsed JSON). Unlike
 * body-parser, which drains the whole body before answering, a body over the limit, declared or streamed,
 * is answered at once with 413 and never read further: a stranger cannot make the server take in megabytes.
 */
export function readBody(options: {
  limitOf: (req: express.Request) => number;
  json: boolean;
}): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") {
      if (options.json) req.body ??= {}; // Apollo wants a body object even for GET queries
      return next();
    }
    const limit = options.limitOf(req);
    if (Number(req.headers["content-length"] ?? 0) > limit) return refuseTooLarge(req, res, limit);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      refuseTooLarge(req, res, limit);
    };
    req.on("data", onData);
    req.on("error", next);
    req.on("end", () => {
      if (res.headersSent) return;
      const body = Buffer.concat(chunks);
      if (!options.json) {
        req.body = body;
        return next();
      }
      try {
        req.body = body.length ? JSON.parse(body.toString("utf8")) : {};
        next();
      } catch {
        res.status(400).json({
          errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
        });
      }
    });
  };
}
