import http from "node:http";
import https from "node:https";
import { describeNetworkError, outboundGuard } from "@retrain/models/outbound";

/** What one POST got: the receiver's status, or why none came (in words that name no address). */
export type SendOutcome = { status: number; error: null } | { status: null; error: string };

export interface SendOptions {
  /** Hosts an operator trusts although they are not public (WEBHOOK_URL_ALLOW). */
  allowHosts: readonly string[];
  timeoutMs: number;
}

/**
 * POSTs a signed JSON body to a webhook URL through the same guard as base model downloads: a host that is
 * not public is refused before any connection (also when DNS changes between save and send). Redirects are
 * not followed (a 3xx is a failed try), and only the status of the answer is read.
 */
export function sendWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    let guarded: object;
    try {
      target = new URL(url);
      guarded = outboundGuard(options.allowHosts).connectOptions(target);
    } catch (error) {
      return resolve({ status: null, error: describeNetworkError(error as NodeJS.ErrnoException) });
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        ...guarded,
      },
      (response) => {
        response.resume(); // the body is not ours to read
        resolve({ status: response.statusCode ?? 0, error: null });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({
        status: null,
        error:
          error.name === "AbortError" ? `no answer within ${options.timeoutMs / 1000} s` : describeNetworkError(error),
      }),
    );
    request.end(body);
  });
}
