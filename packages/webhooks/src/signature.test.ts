import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, verifySignature } from "./signature.js";

describe("webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: "run.succeeded", data: { runId: "r1" } });

  it("a receiver with the secret accepts the body it was sent", () => {
    expect(verifySignature(signatureHeader(secret, body), secret, body)).toBe(true);
  });

  it("refuses a changed body, another secret, an old timestamp and a malformed header", () => {
    const header = signatureHeader(secret, body);
    expect(verifySignature(header, secret, `${body} `)).toBe(false);
    expect(verifySignature(header, newWebhookSecret(), body)).toBe(false);
    const old = signatureHeader(secret, body, Math.floor(Date.now() / 1000) - 600);
    expect(verifySignature(old, secret, body)).toBe(false);
    expect(verifySignature("t=1,v1=zz", secret, body)).toBe(false);
    expect(verifySignature(undefined, secret, body)).toBe(false);
  });

  it("matches a signature computed by hand (HMAC-SHA256 over timestamp, dot, body)", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", "k").update("1700000000.{}").digest("hex");
    expect(signatureHeader("k", "{}", 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });
});
