import { expect, test } from "@playwright/test";

// `npm start` (scripts/start.ts, which the e2e product runs) supervises its services. The worker is taken
// from health's heartbeat list: paused (SIGSTOP) it stops beating and the dashboard says no worker is running;
// killed (SIGKILL, as the out-of-memory killer does) it is started again while the dashboard keeps serving.
test.describe.configure({ mode: "serial" });

test("the dashboard says when no worker is alive, and npm start restarts a killed worker", async ({ page }) => {
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await page.request.post("/graphql", { data: { query, variables } });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  await gql(
    'mutation { signUp(email: "sup@example.com", name: "Sup", password: "correct horse battery") { user { id } } }',
  );
  const { createWorkspace } = await gql<{ createWorkspace: { id: string } }>(
    'mutation { createWorkspace(name: "Supervised") { id } }',
  );
  const workers = async () =>
    (await gql<{ health: { workers: { pid: number }[] } }>("{ health { workers { pid } } }")).health.workers;
  const [worker] = await workers();
  expect(worker, "the e2e product's worker announces itself").toBeDefined();
  const pid = worker?.pid ?? 0;

  await page.goto(`/w/${createWorkspace.id}/datasets`);
  await expect(page.getByRole("heading", { name: "Datasets", exact: true })).toBeVisible();
  const banner = page.getByRole("status").filter({ hasText: "No worker is running" });
  await expect(banner).toHaveCount(0);

  process.kill(pid, "SIGSTOP");
  try {
    await expect(banner).toBeVisible({ timeout: 45_000 });
  } finally {
    process.kill(pid, "SIGCONT");
  }
  await expect(banner).toHaveCount(0, { timeout: 30_000 });

  process.kill(pid, "SIGKILL");
  await expect
    .poll(async () => (await workers()).some((w) => w.pid !== pid), { timeout: 90_000, intervals: [1000] })
    .toBe(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Datasets", exact: true })).toBeVisible();
});
