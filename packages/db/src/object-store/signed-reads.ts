import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { SignatureV4 } from "@smithy/signature-v4";

/** SHA-256 (and its HMAC, given a secret) from node:crypto, as the signer asks for. */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key = typeof secret === "string" || secret === undefined ? secret : new Uint8Array(toBuffer(secret));
    this.hash = key === undefined ? createHash("sha256") : createHmac("sha256", key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(typeof data === "string" ? data : new Uint8Array(toBuffer(data)));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

const toBuffer = (data: ArrayBuffer | ArrayBufferView) =>
  ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data;

type SignerOptions = ConstructorParameters<typeof SignatureV4>[0];

/** What a signed read answers: the bytes, null for no such object, or "ask-sdk" for anything else. */
export type SignedRead = Buffer | null | "ask-sdk";

/**
 * GETs of objects from an S3-compatible server (an endpoint is given) as plain signed HTTP requests: the
 * SDK's own signer (SigV4), node:http with kept-alive connections, no middleware stack. Measured against the
 * RADOS Gateway, 3 KB objects 32 at a time (scratch, one run): 0.16 ms of the client's CPU a GET against
 * 0.58-0.73 through `GetObjectCommand`; extraction reads one object an image, on the cores extraction needs.
 * It tries once: anything but 200 or 404 (throttling, a server error, a dropped connection) is "ask-sdk",
 * and the caller asks the SDK, which retries and names the error.
 */
export function signedObjectReads(options: {
  endpoint: string;
  bucket: string;
  forcePathStyle: boolean;
  region: SignerOptions["region"];
  credentials: SignerOptions["credentials"];
}): (key: string) => Promise<SignedRead> {
  const base = new URL(options.endpoint);
  const transport = base.protocol === "https:" ? https : http;
  // Extraction reads a batch of images at once and the next batch meanwhile: up to 64 requests in flight.
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 64 });
  const signer = new SignatureV4({
    service: "s3",
    region: options.region,
    credentials: options.credentials,
    sha256: Sha256,
    uriEscapePath: false, // S3 signs the path as it is sent (keys are escaped once, below)
    applyChecksum: false,
  });
  const host = options.forcePathStyle ? base.host : `${options.bucket}.${base.host}`;
  const prefix = `${base.pathname.replace(/\/$/, "")}${options.forcePathStyle ? `/${options.bucket}` : ""}`;

  return async (key) => {
    const path = `${prefix}/${key.split("/").map(encodeURIComponent).join("/")}`;
    const signed = await signer.sign({
      method: "GET",
      protocol: base.protocol,
      hostname: host.replace(/:\d+$/, ""),
      port: base.port ? Number(base.port) : undefined,
      path,
      query: {},
      headers: { host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    });
    return new Promise<SignedRead>((resolve) => {
      const request = transport.request(
        { agent, method: "GET", host: base.hostname, port: base.port, path, headers: signed.headers },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            return resolve(response.statusCode === 404 ? null : "ask-sdk");
          }
          const parts: Buffer[] = [];
          response.on("data", (part: Buffer) => parts.push(part));
          response.on("end", () => resolve(response.complete ? Buffer.concat(parts) : "ask-sdk"));
          response.on("error", () => resolve("ask-sdk"));
        },
      );
      request.on("error", () => resolve("ask-sdk"));
      request.end();
    });
  };
}
