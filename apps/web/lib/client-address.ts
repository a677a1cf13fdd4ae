import type http from "node:http";
import proxyAddr from "proxy-addr";

/**
 * Sets X-Forwarded-For on a request arriving at the dashboard to the one address this server vouches for:
 * the socket's peer, or, behind proxies named in TRUST_PROXY, the client they report. Whatever the browser
 * sent is replaced, never appended to, so a client cannot choose the address the API's limits count.
 */
export function vouchForClient(trustProxy: string): (request: http.IncomingMessage) => void {
  const trust = proxyAddr.compile(
    trustProxy
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );
  return (request) => {
    const address = request.socket.remoteAddress ? proxyAddr(request, trust) : "unknown";
    request.headers["x-forwarded-for"] = address;
  };
}
