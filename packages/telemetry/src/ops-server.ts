import http from "node:http";
import type { AddressInfo } from "node:net";

/** What an operations route answers: a status and a body, JSON unless a content type is given. */
export interface OpsAnswer {
  status: number;
  body: unknown;
  contentType?: string;
}

export type OpsRoutes = Record<string, () => Promise<OpsAnswer> | OpsAnswer>;

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A small HTTP server for probes and metrics, apart from the product's own port: loopback by default, so
 * that what it tells (memory, job counts) is the operator's, and a scrape never waits behind user traffic.
 */
export async function startOpsServer(routes: OpsRoutes, options: { port: number; host?: string }): Promise<OpsServer> {
  const server = http.createServer(async (req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://ops").pathname];
    if (!route || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    try {
      const answer = await route();
      const text = answer.contentType ? String(answer.body) : JSON.stringify(answer.body);
      res.writeHead(answer.status, { "content-type": answer.contentType ?? "application/json" }).end(text);
    } catch (error) {
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error: String(error) }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
