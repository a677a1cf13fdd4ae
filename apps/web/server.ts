import http from "node:http";
import path from "node:path";
import { productRoot } from "@retrain/config";
import { createProxyServer } from "http-proxy-3";
import next from "next";
import { vouchForClient } from "./lib/client-address";
import { webConfig } from "./settings";

/**
 * The dashboard's server: Next.js for pages and the /graphql proxy, plus one thing `next start` cannot do,
 * passing the browser's WebSocket upgrade on /graphql through to the API. Live pages then subscribe on the
 * dashboard's own origin (same cookie, no second origin to allow), wherever the API runs.
 */
// The Next.js project: this folder, found from the source or from the compiled dist/server.js alike.
const dir = path.join(productRoot(import.meta.url), "apps", "web");
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
// The pages' Content-Security-Policy (proxy.ts) lets them send images to these origins too: checked origins only.
process.env.UPLOAD_ORIGINS = settings.UPLOAD_ORIGINS.join(" ");

// Next.js adds an `upgrade` listener to the server it is given (else to the first request's server), and
// that listener closes every socket it does not serve. This server routes upgrades itself, so Next.js is
// handed a server that never listens, and gets its own upgrades through getUpgradeHandler() below.
const app = next({ dir, dev: false, httpServer: new http.Server() });
await app.prepare();
const handle = app.getRequestHandler();
const nextUpgrade = app.getUpgradeHandler();

// The API checks the Origin header and the session cookie of every upgrade as ever: both pass unchanged.
const apiSockets = createProxyServer({ target: apiUrl.href, ignorePath: true, ws: true, changeOrigin: true });
apiSockets.on("error", (_error, _request, socket) => {
  if (socket && "destroy" in socket) socket.destroy();
});

// The API limits sign-ins and sign-ups per client address and trusts this server to name it.
const vouch = vouchForClient(settings.TRUST_PROXY);
let stopping = false;
const server = http.createServer((request, response) => {
  // The dashboard's own probe: it answers (and is not draining), whatever the API's state.
  if (request.url === "/healthz") {
    response.writeHead(stopping ? 503 : 200, { "content-type": "application/json", "cache-control": "no-store" });
    return void response.end(JSON.stringify({ ok: !stopping }));
  }
  vouch(request);
  void handle(request, response);
});
server.on("upgrade", (request, socket, head) => {
  vouch(request);
  if (new URL(request.url ?? "/", "http://dashboard").pathname === "/graphql") apiSockets.ws(request, socket, head);
  else void nextUpgrade(request, socket, head);
});
server.listen(port, () => {
  const { port: actual } = server.address() as import("node:net").AddressInfo;
  console.log(`dashboard on http://localhost:${actual}`);
});

// Stops taking connections, lets requests and uploads in flight finish (up to SHUTDOWN_SECONDS), then leaves.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, settings.SHUTDOWN_SECONDS * 1000).unref();
  });
