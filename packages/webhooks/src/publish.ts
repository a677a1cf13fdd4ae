import { randomUUID } from "node:crypto";
import { type Db, webhooksRepository } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import { TEST_EVENT, type WebhookEvent } from "./events.js";

/** The JSON body every webhook receives: which event, when, in which workspace, and the event's own data. */
export interface WebhookBody {
  /** The event's id: the same in every webhook's copy, for receivers that must not act twice. */
  id: string;
  type: WebhookEvent | typeof TEST_EVENT;
  createdAt: string;
  workspaceId: string;
  data: Record<string, string | number | boolean | null>;
}

const bodyOf = (type: WebhookBody["type"], workspaceId: string, data: WebhookBody["data"]): WebhookBody => ({
  id: `evt_${randomUUID()}`,
  type,
  createdAt: new Date().toISOString(),
  workspaceId,
  data,
});

/**
 * Raises an event in a workspace: a delivery row for each enabled webhook that asked for it, each sent
 * through the queue. Never throws to its caller (a run's end must not fail because a webhook could not be
 * queued): a delivery whose message was lost is picked up by the worker's sweep of overdue deliveries.
 */
export async function publishEvent(
  db: Db,
  queue: Pick<JobQueue, "sendDelivery">,
  workspaceId: string,
  type: WebhookEvent,
  data: WebhookBody["data"],
): Promise<number> {
  try {
    const webhooks = webhooksRepository(db);
    const subscribed = await webhooks.subscribedTo(workspaceId, type);
    if (subscribed.length === 0) return 0;
    const body = bodyOf(type, workspaceId, data);
    const deliveries = await webhooks.createDeliveries(
      subscribed.map((w) => w.id),
      type,
      { ...body },
    );
    await Promise.all(deliveries.map((d) => queue.sendDelivery(d.id).catch(() => null)));
    return deliveries.length;
  } catch (error) {
    console.error(`webhooks: could not raise ${type}:`, error instanceof Error ? error.message : error);
    return 0;
  }
}

/** "Send test": one delivery of a test event to one webhook, whatever it subscribed to. */
export async function publishTest(
  db: Db,
  queue: Pick<JobQueue, "sendDelivery">,
  webhookId: string,
  workspaceId: string,
) {
  const body = bodyOf(TEST_EVENT, workspaceId, { webhookId });
  const [delivery] = await webhooksRepository(db).createDeliveries([webhookId], TEST_EVENT, { ...body });
  if (!delivery) throw new Error("no delivery was created");
  await queue.sendDelivery(delivery.id);
  return delivery;
}
