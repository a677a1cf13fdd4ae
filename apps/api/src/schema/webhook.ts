import type { Webhook, WebhookDelivery } from "@retrain/db";
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS } from "@retrain/webhooks";
import { builder } from "./builder.js";
import { WorkspaceRef } from "./workspace.js";

const DeliveryStatusEnum = builder.enumType("WebhookDeliveryStatus", {
  description: "Where a delivery stands.",
  values: {
    PENDING: { description: "Not delivered yet: waiting for its first or next try." },
    SUCCEEDED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Given up (24 hours of failed tries), or its webhook was disabled." },
  } as const,
});

const WebhookEventInfo = builder.objectRef<{ name: string; description: string }>("WebhookEventInfo").implement({
  description: "An event a webhook can ask for.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Such as run.succeeded." }),
    description: t.exposeString("description", { description: "When it is sent." }),
  }),
});

const DeliveryRef = builder.objectRef<WebhookDelivery>("WebhookDelivery").implement({
  description: "One event sent to one webhook: its tries and their outcome.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Sent as the Retrain-Delivery header." }),
    event: t.exposeString("event", { description: "The event, such as run.succeeded or webhook.test." }),
    status: t.field({ type: DeliveryStatusEnum, description: "Where it stands.", resolve: (d) => d.status }),
    attempts: t.exposeInt("attempts", { description: "Tries so far." }),
    responseStatus: t.exposeInt("responseStatus", {
      nullable: true,
      description: "The receiver's HTTP status at the last try (none when it did not answer).",
    }),
    error: t.exposeString("error", { nullable: true, description: "Why the last try failed." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the event happened." }),
    lastAttemptAt: t.expose("lastAttemptAt", { type: "DateTime", nullable: true, description: "The last try." }),
    nextAttemptAt: t.expose("nextAttemptAt", {
      type: "DateTime",
      nullable: true,
      description: "The next try, while pending.",
    }),
    body: t.string({ description: "The JSON body as sent (and signed).", resolve: (d) => JSON.stringify(d.payload) }),
  }),
});

const WebhookRef = builder.objectRef<Webhook>("Webhook").implement({
  description:
    "Where a workspace's events are POSTed, as JSON signed with HMAC-SHA256 (header Retrain-Signature: t=<unix time>,v1=<hex of HMAC(secret, `t.body`)>). Failed deliveries are retried with exponential backoff for 24 hours.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    url: t.exposeString("url", { description: "Where events are POSTed." }),
    events: t.exposeStringList("events", { description: "The events it receives." }),
    enabled: t.exposeBoolean("enabled", { description: "Disabled webhooks receive nothing." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was added." }),
    deliveries: t.field({
      type: [DeliveryRef],
      description: "Its latest 20 deliveries, newest first.",
      resolve: (w, _args, { loaders }) => loaders.webhookDeliveries.load(w.id),
    }),
  }),
});

const CreatedWebhook = builder.objectRef<{ webhook: Webhook; secret: string }>("CreatedWebhook").implement({
  description: "A new webhook with its signing secret, shown this once.",
  fields: (t) => ({
    webhook: t.field({ type: WebhookRef, description: "The webhook.", resolve: (p) => p.webhook }),
    secret: t.exposeString("secret", { description: "The key its bodies are signed with (whsec_...)." }),
  }),
});

builder.objectField(WorkspaceRef, "webhooks", (t) =>
  t.field({
    type: [WebhookRef],
    description: "Where this workspace's events are sent (owners and admins only).",
    resolve: (workspace, _args, { services, caller }) => services.webhooks.list(caller, workspace.id),
  }),
);

builder.queryField("webhookEvents", (t) =>
  t.field({
    type: [WebhookEventInfo],
    description: "The events a webhook can ask for.",
    resolve: () => WEBHOOK_EVENT_NAMES.map((name) => ({ name, description: WEBHOOK_EVENTS[name] })),
  }),
);

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreatedWebhook,
    description:
      "Send a workspace's events to a URL (owners and admins). The URL's host must be on the public internet unless the operator allows it (WEBHOOK_URL_ALLOW).",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      url: t.arg.string({ required: true, description: "http(s) URL the events are POSTed to." }),
      events: t.arg.stringList({ required: true, description: "Events to send (see webhookEvents)." }),
    },
    resolve: (_root, args, { services, caller }) => services.webhooks.create(caller, args),
  }),
  updateWebhook: t.field({
    type: WebhookRef,
    description: "Change a webhook's URL or events, or disable it (pending deliveries of a disabled one fail).",
    args: {
      id: t.arg.id({ required: true, description: "Webhook id." }),
      url: t.arg.string({ description: "New URL." }),
      events: t.arg.stringList({ description: "New events." }),
      enabled: t.arg.boolean({ description: "On or off." }),
    },
    resolve: (_root, { id, ...input }, { services, caller }) => services.webhooks.update(caller, id, input),
  }),
  deleteWebhook: t.boolean({
    description: "Delete a webhook and its delivery log.",
    args: { id: t.arg.id({ required: true, description: "Webhook id." }) },
    resolve: (_root, args, { services, caller }) => services.webhooks.delete(caller, args.id),
  }),
  sendTestWebhook: t.field({
    type: DeliveryRef,
    description: "Send a webhook.test event to this webhook now; the delivery log shows the receiver's answer.",
    args: { id: t.arg.id({ required: true, description: "Webhook id." }) },
    resolve: (_root, args, { services, caller }) => services.webhooks.sendTest(caller, args.id),
  }),
}));
