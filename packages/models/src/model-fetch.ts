import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { DownloadOptions, Fetch } from "@retrain/engine";
import ipaddr from "ipaddr.js";

/** Where the server may fetch base models from, and how much. */
export interface FetchPolicy {
  /** Host names or IP addresses an operator trusts even though they are not public (MODEL_URL_ALLOW). */
  allowHosts: readonly string[];
  /** For one request, redirects included. */
  timeoutMs: number;
  /** Bytes of one response body; a larger one is cut off and refused. */
  maxBytes: number;
  maxRedirects?: number;
}

/** A fetch the policy refused; its message is safe to show (it names no address). */
export class RefusedFetchError extends Error {}

/** Only global unicast addresses: loopback, private, link-local, CGNAT, multicast, NAT64, 6to4... are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === "unicast";
}

const NOT_PUBLIC =
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

/** Network failures in words that name no address or port. */
function describe(error: NodeJS.ErrnoException): string {
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

/**
 * A fetch for base model downloads that cannot be turned against the server's own network: each hop's host
 * is resolved and refused unless public (or allowed by the operator), redirects are followed by hand up to a
 * limit and checked the same way, the body is capped and the whole request has a time limit. Errors name
 * neither addresses nor local paths.
 */
export function createModelFetch(policy: FetchPolicy): Fetch {
  const allowed = new Set(
    policy.allowHosts.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ""),
    ),
  );
  const maxRedirects = policy.maxRedirects ?? 3;

  const once = (url: URL, signal: AbortSignal) =>
    new Promise<{ status: number; headers: Headers; body: Buffer; location?: string }>((resolve, reject) => {
      const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
      const trusted = allowed.has(host);
      // Node connects to an IP literal without a lookup: check it here.
      if (!trusted && net.isIP(host) && !isPublicAddress(host)) return reject(new RefusedFetchError(NOT_PUBLIC));
      const client = url.protocol === "https:" ? https : http;
      const request = client.get(url, { signal, ...(trusted ? {} : { lookup: guardedLookup }) }, (response) => {
        const status = response.statusCode ?? 0;
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (typeof value === "string") headers.set(name, value);
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ status, headers, body: Buffer.alloc(0), location: response.headers.location });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) {
            reject(new RefusedFetchError(`the file is larger than ${policy.maxBytes / 1024 / 1024} MB`));
            request.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      request.on("error", reject);
    });

  return async (input: string) => {
    const signal = AbortSignal.timeout(policy.timeoutMs);
    let url = new URL(input);
    try {
      for (let hop = 0; ; hop++) {
        if (url.protocol !== "http:" && url.protocol !== "https:")
          throw new RefusedFetchError("only http and https URLs are fetched");
        const answer = await once(url, signal);
        if (!answer.location) return new Response(new Uint8Array(answer.body), answer);
        if (hop >= maxRedirects) throw new RefusedFetchError(`more than ${maxRedirects} redirects`);
        url = new URL(answer.location, url);
      }
    } catch (error) {
      if (signal.aborted)
        throw new TypeError("fetch failed", { cause: new Error(`timed out after ${policy.timeoutMs / 1000} s`) });
      throw new TypeError("fetch failed", { cause: new Error(describe(error as NodeJS.ErrnoException)) });
    }
  };
}

/** The model settings both the API and the worker read (see @retrain/config's modelSettings). */
export interface ModelDownloadSettings {
  MODEL_URL_ALLOW: string[];
  MODEL_DOWNLOAD_TIMEOUT_SECONDS: number;
  MODEL_MAX_FILE_MB: number;
  MODEL_MAX_MB: number;
  MODEL_MAX_LAYERS: number;
  MODEL_MAX_PARAMETERS: number;
}

/** How this server downloads base models: through the guarded fetch, within the limits. */
export function modelDownloadOptions(settings: ModelDownloadSettings): DownloadOptions {
  const bytesPerFile = settings.MODEL_MAX_FILE_MB * 1024 * 1024;
  return {
    fetch: createModelFetch({
      allowHosts: settings.MODEL_URL_ALLOW,
      timeoutMs: settings.MODEL_DOWNLOAD_TIMEOUT_SECONDS * 1000,
      maxBytes: bytesPerFile,
    }),
    limits: {
      bytesPerFile,
      bytesPerModel: settings.MODEL_MAX_MB * 1024 * 1024,
      maxLayers: settings.MODEL_MAX_LAYERS,
      maxParameters: settings.MODEL_MAX_PARAMETERS,
    },
  };
}
