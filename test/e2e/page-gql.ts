import { expect, type Page } from "@playwright/test";

/** One GraphQL request through the dashboard's proxy, with this page's session cookie. */
export async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await page.request.post("/graphql", { data: { query, variables } });
  const body = (await answer.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Signs up through the dashboard's form, then makes a workspace and an empty dataset through its API. */
export async function signedUpWithDataset(page: Page, name: string, email: string, workspace: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
  const { createWorkspace: ws } = await gql<{ createWorkspace: { id: string } }>(
    page,
    "mutation($n: String!) { createWorkspace(name: $n) { id } }",
    { n: workspace },
  );
  const { createDataset: dataset } = await gql<{ createDataset: { id: string } }>(
    page,
    'mutation($w: ID!) { createDataset(workspaceId: $w, name: "Flowers") { id } }',
    { w: ws.id },
  );
  return { workspaceId: ws.id, datasetId: dataset.id };
}

/** Waits for a run to succeed (a worker trains it). */
export async function runSucceeded(page: Page, runId: string) {
  await expect
    .poll(
      async () =>
        (await gql<{ run: { status: string } }>(page, "query($id: ID!) { run(id: $id) { status } }", { id: runId })).run
          .status,
      { timeout: 180_000 },
    )
    .toBe("SUCCEEDED");
}
