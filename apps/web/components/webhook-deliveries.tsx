import type { WebhookDeliveryStatus } from "../gql/graphql";

interface Delivery {
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus?: number | null;
  error?: string | null;
  createdAt: string;
  nextAttemptAt?: string | null;
}

const WORDS: Record<WebhookDeliveryStatus, string> = { PENDING: "pending", SUCCEEDED: "delivered", FAILED: "failed" };

/** A webhook's delivery log: each event, the receiver's status code, tries, and why the last one failed. */
export function WebhookDeliveries({ deliveries }: { deliveries: readonly Delivery[] }) {
  if (deliveries.length === 0) return <p className="muted">Nothing sent yet.</p>;
  return (
    <table>
      <caption className="muted">Latest deliveries</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Response</th>
          <th scope="col">Tries</th>
          <th scope="col">When</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>
              <code>{d.event}</code>
            </td>
            <td>
              <span className="badge">{WORDS[d.status]}</span>
            </td>
            <td>{d.responseStatus ?? "—"}</td>
            <td>{d.attempts}</td>
            <td className="muted">{new Date(d.createdAt).toLocaleString()}</td>
            <td className="muted">
              {d.error ?? ""}
              {d.status === "PENDING" && d.nextAttemptAt
                ? ` next try ${new Date(d.nextAttemptAt).toLocaleTimeString()}`
                : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
