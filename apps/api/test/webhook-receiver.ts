import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
  json: { id: string; type: string; workspaceId: string; data: Record<string, unknown> };
}

/**
 * A webhook receiver on loopback, as a team's service would run one: it keeps every request and answers
 * each path with the statuses it is told to (200 once they run out). `next` waits for a matching request, however
 * long the worker takes (no fixed sleep).
 */
export async function webhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const statuses = new Map<string, number[]>();
  const waiting: { match: (r: ReceivedWebhook) => boolean; resolve: (r: ReceivedWebhook) => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      const request = { path, headers: req.headers, body, at: Date.now(), json: JSON.parse(body) };
      received.push(request);
      res.writeHead(statuses.get(path)?.shift() ?? 200).end();
      for (const w of waiting.filter((w) => w.match(request))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(request);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = "/hooks") => `http://127.0.0.1:${port}${path}`,
    port,
    received,
    /** The next statuses to answer requests to `path` with, in order. */
    answer: (path: string, ...codes: number[]) => statuses.set(path, [...(statuses.get(path) ?? []), ...codes]),
    /** The first request (already received or still to come) that matches. */
    next(match: (r: ReceivedWebhook) => boolean, timeoutMs = 60_000): Promise<ReceivedWebhook> {
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no matching webhook request arrived")), timeoutMs);
        waiting.push({
          match,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
  };
}
