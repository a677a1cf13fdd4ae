// Webhooks end to end: a receiver on loopback, the real API and worker. Bodies arrive signed with the secret
// shown at creation; a failing receiver is retried with growing waits and given up at the deadline; real work
// (a run, a promotion, a health check, served answers that drift) raises its events.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, type TrainedWorkspace } from "@retrain/testing";
import { verifySignature } from "@retrain/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { trainedTeam } from "./trained-team.js";
import { type ReceivedWebhook, webhookReceiver } from "./webhook-receiver.js";
import { until, type WorkerProcess } from "./worker-process.js";

const CREATE = `mutation($w: ID!, $url: String!, $events: [String!]!) {
  createWebhook(workspaceId: $w, url: $url, events: $events) { secret webhook { id url events enabled } } }`;
const DELIVERIES = `query($w: ID!) { workspace(id: $w) { webhooks { id deliveries {
  id event status attempts responseStatus error } } } }`;
const ALL_EVENTS = ["run.succeeded", "run.failed", "health.completed", "alias.promoted", "drift.detected"];
type Delivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
};
type Refusal = { errors?: { message: string; extensions?: { code?: string; field?: string } }[] };

describe("webhooks", () => {
  let t: TestApi;
  let team: TrainedWorkspace;
  let worker: WorkerProcess;
  let hooks: Awaited<ReturnType<typeof webhookReceiver>>;
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    hooks = await webhookReceiver();
    ({ t, team, worker } = await trainedTeam("hooks@example.com", {
      WEBHOOK_URL_ALLOW: "127.0.0.1",
      WEBHOOK_RETRY_BASE_SECONDS: "1",
      WEBHOOK_GIVE_UP_HOURS: "0.003", // about 11 s
      DRIFT_CHECK_SECONDS: "1",
    }));
  }, 300_000);

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, token = team.token) =>
    t.gql<T>(query, variables, token);
  async function createWebhook(url: string, events: string[]) {
    const answer = await gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(CREATE, {
      w: team.workspaceId,
      url,
      events,
    });
    expect(answer.errors).toBeUndefined();
    return { id: answer.data?.createWebhook.webhook.id ?? "", secret: answer.data?.createWebhook.secret ?? "" };
  }
  const sendTest = async (id: string) =>
    (await gql<{ sendTestWebhook: Delivery }>("mutation($id: ID!) { sendTestWebhook(id: $id) { id status } }", { id }))
      .data?.sendTestWebhook;
  async function delivery(webhookId: string, deliveryId: string) {
    const answer = await gql<{ workspace: { webhooks: { id: string; deliveries: Delivery[] }[] } }>(DELIVERIES, {
      w: team.workspaceId,
    });
    return answer.data?.workspace.webhooks.find((w) => w.id === webhookId)?.deliveries.find((d) => d.id === deliveryId);
  }
  const ended = (webhookId: string, deliveryId: string) =>
    until(
      "the delivery to end",
      async () => {
        const d = await delivery(webhookId, deliveryId);
        return d && d.status !== "PENDING" ? d : undefined;
      },
      60_000,
    );
  const signedBy = (secret: string, r: ReceivedWebhook) =>
    verifySignature(r.headers["retrain-signature"] as string, secret, r.body);

  it("sends a signed test event the receiver verifies with the secret shown at creation", async () => {
    const hook = await createWebhook(hooks.url("/test"), ["run.succeeded"]);
    expect(hook.secret).toMatch(/^whsec_/);
    const sent = await sendTest(hook.id);
    expect(sent?.status).toBe("PENDING");
    const request = await hooks.next((r) => r.path === "/test");
    expect(signedBy(hook.secret, request)).toBe(true);
    expect(signedBy("whsec_another", request)).toBe(false);
    expect(request.headers["retrain-event"]).toBe("webhook.test");
    expect(request.headers["retrain-delivery"]).toBe(sent?.id);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.json).toMatchObject({ type: "webhook.test", workspaceId: team.workspaceId });
    expect(request.json.id).toMatch(/^evt_/);
    expect(await ended(hook.id, sent?.id ?? "")).toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
      responseStatus: 200,
    });
  });

  it("retries a failing receiver with growing waits until it answers 2xx", async () => {
    hooks.answer("/flaky", 500, 503);
    const hook = await createWebhook(hooks.url("/flaky"), ["run.succeeded"]);
    const sent = await sendTest(hook.id);
    const done = await ended(hook.id, sent?.id ?? "");
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 3, responseStatus: 200, error: null });
    const tries = hooks.received.filter((r) => r.path === "/flaky");
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((r) => r.json.id)).size).toBe(1); // the same event each time
    const [first, second, third] = tries.map((r) => r.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThan(second - first);
  });

  it("gives up once the next try would be past the deadline, and says why", async () => {
    hooks.answer("/down", ...Array<number>(30).fill(500));
    const hook = await createWebhook(hooks.url("/down"), ["run.succeeded"]);
    const sent = await sendTest(hook.id);
    const done = await ended(hook.id, sent?.id ?? "");
    expect(done?.status).toBe("FAILED");
    expect(done?.responseStatus).toBe(500);
    expect(done?.error).toBe("gave up: the receiver answered 500");
    expect(done?.attempts).toBeGreaterThanOrEqual(2);
    expect(hooks.received.filter((r) => r.path === "/down")).toHaveLength(done?.attempts ?? 0);
  });

  it("raises run.succeeded, alias.promoted, health.completed and drift.detected from real work", async () => {
    const hook = await createWebhook(hooks.url("/events"), ALL_EVENTS);
    const of = (type: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
      hooks.next((r) => r.path === "/events" && r.json.type === type && match(r.json.data), 120_000);

    const run = await gql<{ startRun: { id: string } }>("mutation($e: ID!) { startRun(experimentId: $e) { id } }", {
      e: team.experimentId,
    });
    const runId = run.data?.startRun.id;
    const succeeded = await of("run.succeeded", (d) => d.runId === runId);
    expect(succeeded.json.data).toMatchObject({
      experimentId: team.experimentId,
      datasetId: team.datasetId,
      error: null,
    });
    expect(succeeded.json.data.validationAccuracy).toEqual(expect.any(Number));
    expect(signedBy(hook.secret, succeeded)).toBe(true);

    const checkpoint = await gql<{ run: { checkpoints: { id: string }[] } }>(
      "query($id: ID!) { run(id: $id) { checkpoints { id } } }",
      { id: runId },
    );
    const checkpointId = checkpoint.data?.run.checkpoints[0]?.id;
    await gql('mutation($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: "staging") { id } }', {
      c: checkpointId,
    });
    const promoted = await of("alias.promoted", (d) => d.alias === "staging");
    expect(promoted.json.data).toMatchObject({ checkpointId, runId, experimentId: team.experimentId });

    const experiment = await gql<{ experiment: { baseModelId: string } }>(
      "query($id: ID!) { experiment(id: $id) { baseModelId } }",
      { id: team.experimentId },
    );
    await gql("mutation($d: ID!, $m: ID!) { startHealthCheck(datasetId: $d, baseModelId: $m) { id } }", {
      d: team.datasetId,
      m: experiment.data?.experiment.baseModelId,
    });
    const health = await of("health.completed", (d) => d.datasetId === team.datasetId);
    expect(health.json.data.images).toBeGreaterThan(0);

    // The production alias answers tulips only: far from the three even classes it was trained on.
    const dir = path.join(sharedDir(), "datasets/flowers_small/tulip");
    const names = (await readdir(dir)).sort().slice(0, 50);
    const form = new FormData();
    for (const name of names) form.append("files", new Blob([await readFile(path.join(dir, name))]), name);
    const url = t.api.url.replace(/\/graphql$/, `/v1/experiments/${team.experimentId}/predict`);
    const served = await fetch(url, { method: "POST", body: form, headers: { authorization: `Bearer ${team.token}` } });
    expect(served.status).toBe(200);
    const drift = await of("drift.detected", (d) => d.alias === "production");
    expect(drift.json.data.psi).toBeGreaterThan(0.2);
    expect(drift.json.data.predictions).toBeGreaterThanOrEqual(30);
    expect(hooks.received.filter((r) => r.path === "/events" && r.json.type === "drift.detected")).toHaveLength(1);
  }, 300_000);

  it.each([
    ["a loopback name the operator did not allow", "http://localhost:9/hooks", "url", /not on the public internet/],
    ["a private address", "http://10.20.30.40/hooks", "url", /not on the public internet/],
    ["link-local (cloud metadata)", "http://169.254.169.254/latest", "url", /not on the public internet/],
    ["another scheme", "ftp://example.com/hooks", "url", /only http and https/],
    ["credentials in the URL", "http://user:pw@127.0.0.1/hooks", "url", /no user name or password/],
    ["not a URL", "hooks please", "url", /is not a URL/],
  ])("refuses %s, naming the field", async (_what, url, field, message) => {
    const answer = (await gql(CREATE, { w: team.workspaceId, url, events: ["run.succeeded"] })) as Refusal;
    expect(answer.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    expect(answer.errors?.[0]?.message).toMatch(message);
  });

  it("refuses unknown and missing events, and stores nothing refused", async () => {
    const before = await t.db.webhook.count();
    const unknown = (await gql(CREATE, { w: team.workspaceId, url: hooks.url(), events: ["run.exploded"] })) as Refusal;
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "events" });
    expect(unknown.errors?.[0]?.message).toContain("run.exploded");
    const none = (await gql(CREATE, { w: team.workspaceId, url: hooks.url(), events: [] })) as Refusal;
    expect(none.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "events" });
    expect(await t.db.webhook.count()).toBe(before);
  });

  it("only owners and admins manage webhooks; outsiders cannot tell one exists", async () => {
    const hook = await createWebhook(hooks.url("/roles"), ["run.failed"]);
    const member = await t.join(team.token, team.workspaceId, "member-hooks@example.com", "MEMBER");
    const admin = await t.join(team.token, team.workspaceId, "admin-hooks@example.com", "ADMIN");
    const outsider = await t.signUp("outsider-hooks@example.com");
    const readToken = (
      await gql<{ createApiToken: { secret: string } }>(
        'mutation { createApiToken(name: "r", scope: READ) { secret } }',
      )
    ).data?.createApiToken.secret;
    const codeOf = async (query: string, variables: Record<string, unknown>, token: string) =>
      ((await gql(query, variables, token)) as Refusal).errors?.[0]?.extensions?.code;
    const create = { w: team.workspaceId, url: hooks.url("/x"), events: ["run.failed"] };
    const test = "mutation($id: ID!) { sendTestWebhook(id: $id) { id } }";
    expect(await codeOf(CREATE, create, member.token)).toBe("FORBIDDEN");
    expect(await codeOf(DELIVERIES, { w: team.workspaceId }, member.token)).toBe("FORBIDDEN");
    expect(await codeOf(test, { id: hook.id }, member.token)).toBe("FORBIDDEN");
    expect(await codeOf(CREATE, create, readToken ?? "")).toBe("FORBIDDEN");
    expect(await codeOf(test, { id: hook.id }, outsider.token)).toBe("NOT_FOUND");
    expect(await codeOf("mutation($id: ID!) { deleteWebhook(id: $id) }", { id: hook.id }, outsider.token)).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(CREATE, create, admin.token)).toBeUndefined();
    const disabled = await gql<{ updateWebhook: { enabled: boolean } }>(
      "mutation($id: ID!) { updateWebhook(id: $id, enabled: false) { enabled } }",
      { id: hook.id },
      admin.token,
    );
    expect(disabled.data?.updateWebhook.enabled).toBe(false);
    expect(await codeOf("mutation($id: ID!) { deleteWebhook(id: $id) }", { id: hook.id }, admin.token)).toBeUndefined();
    expect(await t.db.webhook.count({ where: { id: hook.id } })).toBe(0);
  });
});
