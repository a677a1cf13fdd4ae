import http from "node:http";
import https from "node:https";
import type { DownloadOptions, Fetch } from "@retrain/engine";
import { describeNetworkError, outboundGuard, RefusedFetchError } from "./outbound-guard.js";

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

/**
 * A fetch for base model downloads that cannot be turned against the server's own network: each hop's host
 * is resolved and refused unless public (or allowed by the operator), redirects are followed by hand up to a
 * limit and checked the same way, the body is capped and the whole request has a time limit. Errors name
 * neither addresses nor local paths.
 */
export function createModelFetch(policy: FetchPolicy): Fetch {
  const guard = outboundGuard(policy.allowHosts);
  const maxRedirects = policy.maxRedirects ?? 3;

  const once = (url: URL, signal: AbortSignal) =>
    new Promise<{ status: number; headers: Headers; body: Buffer; location?: string }>((resolve, reject) => {
      let guarded: ReturnType<typeof guard.connectOptions>;
      try {
        guarded = guard.connectOptions(url);
      } catch (error) {
        return reject(error);
      }
      const client = url.protocol === "https:" ? https : http;
      const request = client.get(url, { signal, ...guarded }, (response) => {
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
        const answer = await once(url, signal);
        if (!answer.location) return new Response(new Uint8Array(answer.body), answer);
        if (hop >= maxRedirects) throw new RefusedFetchError(`more than ${maxRedirects} redirects`);
        url = new URL(answer.location, url);
      }
    } catch (error) {
      if (signal.aborted)
        throw new TypeError("fetch failed", { cause: new Error(`timed out after ${policy.timeoutMs / 1000} s`) });
      throw new TypeError("fetch failed", { cause: new Error(describeNetworkError(error as NodeJS.ErrnoException)) });
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
