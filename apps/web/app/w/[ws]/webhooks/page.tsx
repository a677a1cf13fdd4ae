"use client";
import { type FormEvent, useState } from "react";
import { ErrorNote, Loading } from "../../../../components/feedback";
import { WebhookDeliveries } from "../../../../components/webhook-deliveries";
import { useWorkspace } from "../../../../components/workspace-context";
import { graphql } from "../../../../gql";
import { gql, useQuery } from "../../../../lib/api";

const WebhooksQuery = graphql(`query Webhooks($w: ID!) {
  webhookEvents { name description }
  workspace(id: $w) { id webhooks { id url events enabled createdAt
    deliveries { id event status attempts responseStatus error createdAt lastAttemptAt nextAttemptAt } } } }`);
const CreateWebhook = graphql(`mutation CreateWebhook($w: ID!, $url: String!, $events: [String!]!) {
  createWebhook(workspaceId: $w, url: $url, events: $events) { secret } }`);
const UpdateWebhook = graphql(`mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {
  updateWebhook(id: $id, enabled: $enabled) { id enabled } }`);
const DeleteWebhook = graphql(`mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }`);
const SendTest = graphql(`mutation SendTestWebhook($id: ID!) { sendTestWebhook(id: $id) { id } }`);

/** Where the workspace's events go (owners and admins): add, test, disable, delete, and each one's delivery log. */
export default function WebhooksPage() {
  const workspace = useWorkspace();
  const { data, error, mutate } = useQuery(
    WebhooksQuery,
    { w: workspace.id },
    // While a delivery waits for its try, the log refreshes itself.
    {
      refreshInterval: (latest) =>
        latest?.workspace.webhooks.some((w) => w.deliveries.some((d) => d.status === "PENDING")) ? 1500 : 0,
    },
  );
  const [secret, setSecret] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  const act = (work: Promise<unknown>) =>
    void work.then(
      () => mutate(),
      (e: unknown) => setActionError(e),
    );

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    setActionError(null);
    try {
      const { createWebhook } = await gql(CreateWebhook, {
        w: workspace.id,
        url: String(values.get("url")),
        events: values.getAll("events").map(String),
      });
      setSecret(createWebhook.secret);
      form.reset();
      await mutate();
    } catch (e) {
      setActionError(e);
    }
  }

  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <section>
      <h1>Webhooks</h1>
      <p className="muted">
        Events are POSTed as JSON, signed with HMAC-SHA256 in the <code>Retrain-Signature</code> header (
        <code>t=&lt;time&gt;,v1=&lt;hex&gt;</code> over <code>time.body</code>); failed deliveries are retried with
        growing waits for 24 hours.
      </p>
      <form onSubmit={create} className="card">
        <label>
          Payload URL
          <input name="url" type="url" required placeholder="https://hooks.example.com/retrain" />
        </label>
        <fieldset>
          <legend>Events</legend>
          {data.webhookEvents.map((e) => (
            <label key={e.name} className="check">
              <input type="checkbox" name="events" value={e.name} defaultChecked={e.name.startsWith("run.")} />
              <code>{e.name}</code> <span className="muted">{e.description}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit">Add webhook</button>
      </form>
      {secret && (
        <p role="status" className="card">
          Its signing secret, shown once: <code>{secret}</code>
        </p>
      )}
      <ErrorNote error={actionError} />
      {data.workspace.webhooks.length === 0 && <p className="muted">No webhooks yet.</p>}
      {data.workspace.webhooks.map((w) => (
        <article key={w.id} className="card" aria-label={`Webhook ${w.url}`}>
          <h2>
            <code>{w.url}</code> {!w.enabled && <span className="badge">disabled</span>}
          </h2>
          <p className="muted">{w.events.join(", ")}</p>
          <div className="inline">
            <button type="button" onClick={() => act(gql(SendTest, { id: w.id }))}>
              Send test
            </button>
            <button type="button" onClick={() => act(gql(UpdateWebhook, { id: w.id, enabled: !w.enabled }))}>
              {w.enabled ? "Disable" : "Enable"}
            </button>
            <button type="button" className="link danger" onClick={() => act(gql(DeleteWebhook, { id: w.id }))}>
              Delete
            </button>
          </div>
          <WebhookDeliveries deliveries={w.deliveries} />
        </article>
      ))}
    </section>
  );
}
