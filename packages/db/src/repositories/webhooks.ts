import type { Db } from "../client.js";
import type { Prisma, WebhookDeliveryStatus } from "../generated/prisma/client.js";

/** Webhooks of a workspace and their deliveries (packages/webhooks sends them). */
export const webhooksRepository = (db: Db) => ({
  create: (data: { workspaceId: string; url: string; events: string[]; secret: string; createdById: string | null }) =>
    db.webhook.create({ data }),
  findById: (id: string) => db.webhook.findUnique({ where: { id } }),
  ofWorkspace: (workspaceId: string) =>
    db.webhook.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  update: (id: string, data: { url?: string; events?: string[]; enabled?: boolean }) =>
    db.webhook.update({ where: { id }, data }),
  delete: (id: string) => db.webhook.delete({ where: { id } }),
  /** The enabled webhooks of a workspace that asked for `event`. */
  subscribedTo: (workspaceId: string, event: string) =>
    db.webhook.findMany({ where: { workspaceId, enabled: true, events: { has: event } } }),

  /** One delivery per webhook of the same event and body, in one statement. */
  createDeliveries: (webhookIds: string[], event: string, payload: Prisma.InputJsonValue) =>
    db.webhookDelivery.createManyAndReturn({
      data: webhookIds.map((webhookId) => ({ webhookId, event, payload, nextAttemptAt: new Date() })),
    }),
  deliveryWithWebhook: (id: string) => db.webhookDelivery.findUnique({ where: { id }, include: { webhook: true } }),
  /** The outcome of one try: the status it leaves and, while pending, when the next is due. */
  recordAttempt: (
    id: string,
    outcome: {
      status: WebhookDeliveryStatus;
      responseStatus: number | null;
      error: string | null;
      nextAttemptAt: Date | null;
    },
  ) =>
    db.webhookDelivery.update({
      where: { id },
      data: { ...outcome, attempts: { increment: 1 }, lastAttemptAt: new Date() },
    }),
  /** The latest `perWebhook` deliveries of each of these webhooks (the delivery log), newest first, in one query. */
  latestDeliveries: async (webhookIds: readonly string[], perWebhook: number) => {
    const ids = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY "webhookId" ORDER BY "createdAt" DESC, id DESC) AS n
        FROM "WebhookDelivery" WHERE "webhookId" = ANY(${[...webhookIds]})
      ) ranked WHERE n <= ${perWebhook}`;
    return db.webhookDelivery.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
  },
  /** Pending deliveries whose try is overdue by `graceMs` (their queue message was lost): sent again. */
  overdue: (before: Date) =>
    db.webhookDelivery.findMany({
      where: { status: "PENDING", nextAttemptAt: { lt: before } },
      select: { id: true },
      take: 100,
    }),
});
