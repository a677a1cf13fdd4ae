import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/** A loopback HTTP server standing in for a host, counting every TCP connection and request made to it. */
export async function countingServer(handler: http.RequestListener = (_req, res) => res.end("{}")) {
  const paths: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? "");
    handler(req, res);
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => server.close());
  const port = (server.address() as AddressInfo).port;
  return { port, url: (p = "/model.json") => `http://127.0.0.1:${port}${p}`, connections: () => connections, paths };
}
