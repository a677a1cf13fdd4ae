import { expect, test } from "@playwright/test";

// Live pages subscribe over a WebSocket on the dashboard's own origin; its server passes the upgrade to the
// API, which checks the origin and the session cookie as for any request. Here a signed-in page opens that
// socket itself and runs a subscription: an unknown run answers NOT_FOUND (so the session rode along: a
// stranger would get UNAUTHENTICATED), through port 3100, never the API's 4100.
test("the dashboard's origin carries GraphQL subscriptions to the API, with the session", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Live Lee");
  await page.getByLabel("Email").fill("live@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Live Lee" })).toBeVisible();

  const answer = await page.evaluate(
    () =>
      new Promise<{ url: string; ack: boolean; error: string | null }>((resolve, reject) => {
        const { host } = (globalThis as unknown as { location: { host: string } }).location;
        const url = `ws://${host}/graphql`;
        const socket = new WebSocket(url, "graphql-transport-ws");
        const seen = { url, ack: false, error: null as string | null };
        socket.onopen = () => socket.send(JSON.stringify({ type: "connection_init" }));
        socket.onerror = () => reject(new Error("the socket did not open"));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data));
          if (message.type === "connection_ack") {
            seen.ack = true;
            socket.send(
              JSON.stringify({
                id: "1",
                type: "subscribe",
                payload: { query: 'subscription { runProgress(id: "nope") { status } }' },
              }),
            );
          } else if (message.type === "error" || message.type === "next") {
            seen.error = message.payload?.[0]?.extensions?.code ?? message.payload?.errors?.[0]?.extensions?.code;
            socket.close();
            resolve(seen);
          }
        };
        setTimeout(() => reject(new Error(`no answer: ${JSON.stringify(seen)}`)), 15_000);
      }),
  );
  expect(answer.url).toBe("ws://localhost:3100/graphql");
  expect(answer.ack).toBe(true);
  expect(answer.error).toBe("NOT_FOUND");
});
