import { type Db, webhooksRepository } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import { outboundGuard, RefusedFetchError } from "@retrain/models/outbound";
import { isWebhookEvent, newWebhookSecret, publishTest, WEBHOOK_EVENT_NAMES } from "@retrain/webhooks";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.js";
import type { Access, Caller } from "./access.js";
import { activityLog } from "./activity-log.js";

/** A workspace's webhooks are few: a cap keeps one event from turning into a flood of requests. */
const MAX_WEBHOOKS = 10;

/** Webhooks of a workspace, for its owners and admins: where events go, and "send test". */
export function createWebhookService(
  db: Db,
  access: Access,
  queue: Pick<JobQueue, "sendDelivery">,
  allowHosts: readonly string[],
) {
  const webhooks = webhooksRepository(db);
  const guard = outboundGuard(allowHosts);
  const log = activityLog(db);

  /** A URL the worker may POST to: http(s), no credentials in it, a host that is public or allowed. */
  async function checkedUrl(value: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      throw new ValidationError("url", `${value} is not a URL.`);
    }
    if (value.length > 2048) throw new ValidationError("url", "The URL is longer than 2,048 characters.");
    if (url.username || url.password)
      throw new ValidationError("url", "Put no user name or password in the URL: the signature proves the sender.");
    try {
      await guard.check(url);
    } catch (error) {
      if (error instanceof RefusedFetchError)
        throw new ValidationError("url", `Events cannot be sent to ${url.href}: ${error.message}.`);
      throw error;
    }
    return url.href;
  }

  function checkedEvents(events: readonly string[]): string[] {
    const unknown = events.filter((e) => !isWebhookEvent(e));
    if (unknown.length > 0)
      throw new ValidationError(
        "events",
        `Unknown events: ${unknown.join(", ")}. Known: ${WEBHOOK_EVENT_NAMES.join(", ")}.`,
      );
    if (events.length === 0) throw new ValidationError("events", "Choose at least one event.");
    return [...new Set(events)];
  }

  async function owned(caller: Caller | null, id: string) {
    const webhook = await webhooks.findById(id);
    if (!webhook) throw new NotFoundError("Webhook");
    await access.require(caller, webhook.workspaceId, "manageWebhooks", "Webhook");
    return webhook;
  }

  return {
    async list(caller: Caller | null, workspaceId: string) {
      await access.require(caller, workspaceId, "manageWebhooks");
      return webhooks.ofWorkspace(workspaceId);
    },

    /** Its signing secret is in the answer, this once. */
    async create(caller: Caller | null, input: { workspaceId: string; url: string; events: readonly string[] }) {
      await access.require(caller, input.workspaceId, "manageWebhooks");
      const url = await checkedUrl(input.url);
      const events = checkedEvents(input.events);
      if ((await webhooks.ofWorkspace(input.workspaceId)).length >= MAX_WEBHOOKS)
        throw new ConflictError(`A workspace has at most ${MAX_WEBHOOKS} webhooks; delete one first.`);
      const secret = newWebhookSecret();
      const webhook = await webhooks.create({
        workspaceId: input.workspaceId,
        url,
        events,
        secret,
        createdById: caller?.userId ?? null,
      });
      await log.record(caller, input.workspaceId, "webhook.created", ["Webhook", webhook.id]);
      return { webhook, secret };
    },

    async update(
      caller: Caller | null,
      id: string,
      input: { url?: string | null; events?: readonly string[] | null; enabled?: boolean | null },
    ) {
      await owned(caller, id);
      return webhooks.update(id, {
        ...(input.url != null ? { url: await checkedUrl(input.url) } : {}),
        ...(input.events != null ? { events: checkedEvents(input.events) } : {}),
        ...(input.enabled != null ? { enabled: input.enabled } : {}),
      });
    },

    async delete(caller: Caller | null, id: string) {
      const webhook = await owned(caller, id);
      await webhooks.delete(id);
      await log.record(caller, webhook.workspaceId, "webhook.deleted", ["Webhook", id]);
      return true;
    },

    /** Queues a `webhook.test` delivery; its outcome shows in the delivery log a moment later. */
    async sendTest(caller: Caller | null, id: string) {
      const webhook = await owned(caller, id);
      return publishTest(db, queue, webhook.id, webhook.workspaceId);
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
