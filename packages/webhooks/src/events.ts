/** Every event a webhook can ask for, with what it means (the dashboard and the docs show these words). */
export const WEBHOOK_EVENTS = {
  "run.succeeded": "A training run finished and saved its checkpoint.",
  "run.failed": "A training run failed (its error is in the body).",
  "health.completed": "A dataset's health check finished.",
  "alias.promoted": "A checkpoint was promoted to an alias (such as production).",
  "drift.detected": "What an alias served in the last week drifted from its training labels.",
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
/** Sent by "send test" only: a webhook receives it whatever events it asked for. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];
export const isWebhookEvent = (name: string): name is WebhookEvent => Object.hasOwn(WEBHOOK_EVENTS, name);
