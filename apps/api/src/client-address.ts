import type http from "node:http";
import proxyAddr from "proxy-addr";

/**
 * The client's address as Express's `trust proxy` computes it (`req.ip`), for requests Express does not see
 * (WebSocket upgrades): X-Forwarded-For is read only as far as the proxies it names are trusted.
 */
export function clientAddress(trustProxy: string): (request: http.IncomingMessage) => string {
  const trust = proxyAddr.compile(trustProxy.split(",").map((part) => part.trim()));
  return (request) => (request.socket.remoteAddress ? proxyAddr(request, trust) : "unknown");
}
