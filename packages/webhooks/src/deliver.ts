import { type Db, webhooksRepository } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import { nextAttemptAt, type RetryPolicy } from "./retry-schedule.js";
import { type SendOptions, sendWebhook } from "./send-webhook.js";
import { SIGNATURE_HEADER, signatureHeader } from "./signature.js";

export interface DeliveryOptions extends SendOptions {
  retry: RetryPolicy;
}

/**
 * One try of a delivery (the worker's handler of the webhook queue): POST the stored body, signed now; a 2xx
 * answer ends it, anything else schedules the next try on the backoff, or fails it for good past the give-up
 * time. A delivery already ended, or whose webhook was disabled or deleted, is left as it is.
 */
export async function deliverOnce(
  db: Db,
  queue: Pick<JobQueue, "sendDelivery">,
  deliveryId: string,
  options: DeliveryOptions,
): Promise<void> {
  const webhooks = webhooksRepository(db);
  const delivery = await webhooks.deliveryWithWebhook(deliveryId);
  if (delivery?.status !== "PENDING") return;
  if (!delivery.webhook.enabled)
    return void (await webhooks.recordAttempt(delivery.id, {
      status: "FAILED",
      responseStatus: null,
      error: "the webhook was disabled",
      nextAttemptAt: null,
    }));
  const body = JSON.stringify(delivery.payload);
  const outcome = await sendWebhook(
    delivery.webhook.url,
    body,
    {
      [SIGNATURE_HEADER]: signatureHeader(delivery.webhook.secret, body),
      "retrain-event": delivery.event,
      "retrain-delivery": delivery.id,
      "user-agent": "RetrainStudio-Webhooks/1",
    },
    options,
  );
  const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  if (ok)
    return void (await webhooks.recordAttempt(delivery.id, {
      status: "SUCCEEDED",
      responseStatus: outcome.status,
      error: null,
      nextAttemptAt: null,
    }));
  const now = new Date();
  const next = nextAttemptAt(delivery.attempts + 1, delivery.createdAt, now, options.retry);
  const error = outcome.error ?? `the receiver answered ${outcome.status}`;
  await webhooks.recordAttempt(delivery.id, {
    status: next ? "PENDING" : "FAILED",
    responseStatus: outcome.status,
    error: next ? error : `gave up: ${error}`,
    nextAttemptAt: next,
  });
  if (next) await queue.sendDelivery(delivery.id, Math.ceil((next.getTime() - now.getTime()) / 1000));
}

/** Sends again the pending deliveries whose try is overdue (a lost message, a worker that died mid-try). */
export async function resendOverdue(db: Db, queue: Pick<JobQueue, "sendDelivery">, graceMs: number) {
  const overdue = await webhooksRepository(db).overdue(new Date(Date.now() - graceMs));
  for (const { id } of overdue) await queue.sendDelivery(id);
  return overdue.length;
}
