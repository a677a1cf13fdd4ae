import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";

// What the server fetches from or sends to a URL a user gave (base models, webhooks) must not become a way
// into its own network (SSRF): hosts are resolved and refused unless public or allowed by the operator.

/** A request the guard refused; its message is safe to show (it names no address). */
export class RefusedFetchError extends Error {}

/** Only global unicast addresses: loopback, private, link-local, CGNAT, multicast, NAT64, 6to4... are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === "unicast";
}

export const NOT_PUBLIC =
  "its host is not on the public internet (loopback, private, link-local or reserved address); an operator can allow trusted hosts in the server's settings";

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves the host and refuses it when any address is not public, before a connection is made. Node calls it
 * for every connection, so a redirect or a DNS answer that changes between checks cannot slip through.
 */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address)))
      return callback(new RefusedFetchError(NOT_PUBLIC), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as dns.LookupAddress;
    callback(null, first.address, first.family);
  });
}

const bare = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");

/**
 * The guard for one set of trusted hosts: `connectOptions(url)` gives the options an http(s) request to it
 * needs (a checking lookup unless the host is trusted), or throws RefusedFetchError for a non-public IP literal
 * (Node connects to those without a lookup).
 */
export function outboundGuard(allowHosts: readonly string[]) {
  const allowed = new Set(allowHosts.map(bare));
  return {
    connectOptions(url: URL): { lookup?: typeof guardedLookup } {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new RefusedFetchError("only http and https URLs are fetched");
      const host = bare(url.hostname);
      if (allowed.has(host)) return {};
      if (net.isIP(host) && !isPublicAddress(host)) throw new RefusedFetchError(NOT_PUBLIC);
      return { lookup: guardedLookup };
    },
    /** Checks a URL ahead of use (when it is saved): its host resolves to public addresses only, or is trusted. */
    async check(url: URL): Promise<void> {
      const options = this.connectOptions(url);
      if (!options.lookup) return;
      const addresses = await dns.promises.lookup(bare(url.hostname), { all: true }).catch(() => {
        throw new RefusedFetchError("its host name could not be resolved");
      });
      if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address)))
        throw new RefusedFetchError(NOT_PUBLIC);
    },
  };
}

/** Network failures in words that name no address or port. */
export function describeNetworkError(error: NodeJS.ErrnoException): string {
  if (error instanceof RefusedFetchError) return error.message;
  const words: Record<string, string> = {
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name could not be resolved",
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
  };
  if (error.code && words[error.code]) return words[error.code] as string;
  if (/certificate|SSL|TLS/i.test(error.message)) return "TLS certificate problem";
  return "network error";
}
