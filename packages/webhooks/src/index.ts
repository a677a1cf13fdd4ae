export { type DeliveryOptions, deliverOnce, resendOverdue } from "./deliver.js";
export { isWebhookEvent, TEST_EVENT, WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS, type WebhookEvent } from "./events.js";
export { publishEvent, publishTest, type WebhookBody } from "./publish.js";
export { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "./retry-schedule.js";
export { sendWebhook } from "./send-webhook.js";
export { newWebhookSecret, SIGNATURE_HEADER, signatureHeader, verifySignature } from "./signature.js";
