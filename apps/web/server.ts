import http from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { webConfig } from "./settings";

/**
 * The dashboard's server: Next.js for pages and the /graphql proxy, plus one thing `next start` cannot do,
 * passing the browser's WebSocket upgrade on /graphql through to the API. Live pages then subscribe on the
 * dashboard's own origin (same cookie, no second origin to allow), wherever the API runs.
 */
const dir = import.meta.dirname;
const settings = (() => {
  try {
    return webConfig();
  } catch (error) {
    // A wrong setting stops the start with the variable named, not a stack trace.
    console.error((error as Error).message);
    process.exit(2);
  }
})();
const port = settings.PORT;
const apiUrl = new URL(settings.API_URL);
// Route handlers (the /graphql proxy) read it from the environment: the checked value, default included.
process.env.API_URL = settings.API_URL;

// Next.js adds an `upgrade` listener to the server it is given (else to the first request's server), and
// that listener closes every socket it does not serve. This server routes upgrades itself, so Next.js is
// handed a server that never listens, and gets its own upgrades through getUpgradeHandler() below.
const app = next({ dir, dev: false, httpServer: new http.Server() });
await app.prepare();
const handle = app.getRequestHandler();
const nextUpgrade = app.getUpgradeHandler();

/** Pipes an upgrade to the API's WebSocket endpoint; the API checks the Origin and the cookie as ever. */
function proxyUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer) {
  const upstream = http.request({
    host: apiUrl.hostname,
    port: apiUrl.port || 80,
    path: apiUrl.pathname,
    method: "GET",
    headers: { ...request.headers, host: apiUrl.host },
  });
  upstream.on("upgrade", (response, apiSocket, apiHead) => {
    const lines = Object.entries(response.headers).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value ?? ""]).map((v) => `${name}: ${v}`),
    );
    socket.write(`HTTP/1.1 101 Switching Protocols\r\n${lines.join("\r\n")}\r\n\r\n`);
    if (apiHead.length > 0) socket.write(apiHead);
    if (head.length > 0) apiSocket.write(head);
    apiSocket.pipe(socket).pipe(apiSocket);
    apiSocket.on("error", () => socket.destroy());
    socket.on("error", () => apiSocket.destroy());
  });
  // The API refused the upgrade (an origin it does not know): the browser gets its status, then the close.
  upstream.on("response", (response) => {
    socket.end(`HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ""}\r\nconnection: close\r\n\r\n`);
  });
  upstream.on("error", () => socket.end("HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n"));
  upstream.end();
}

const server = http.createServer((request, response) => void handle(request, response));
server.on("upgrade", (request, socket, head) => {
  if (new URL(request.url ?? "/", "http://dashboard").pathname === "/graphql") proxyUpgrade(request, socket, head);
  else void nextUpgrade(request, socket, head);
});
server.listen(port, () => console.log(`dashboard on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
