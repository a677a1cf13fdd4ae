import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Signatures as Stripe makes them: HMAC-SHA256 over `${timestamp}.${body}`, sent as
// `Retrain-Signature: t=<unix seconds>,v1=<hex>`. The timestamp inside the signed text stops a captured body
// from being replayed later; a receiver checks it is recent.

export const SIGNATURE_HEADER = "retrain-signature";

/** A webhook's signing secret, shown once to whoever creates it. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver runs: true when the header signs this exact body with this secret, no more than
 * `toleranceSeconds` ago (5 minutes, as Stripe's libraries default to).
 */
export function verifySignature(
  header: string | undefined,
  secret: string,
  body: string,
  { toleranceSeconds = 300, now = Date.now() } = {},
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(hmac(secret, timestamp, body), "hex"));
}
