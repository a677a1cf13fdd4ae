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

/** Uploads photos into the dataset, then makes an experiment on MobileNetV2-0.35 over it. */
export async function experimentOnPhotos(
  page: Page,
  datasetId: string,
  files: { name: string; label: string; base64: string; split?: string }[],
  name: string,
  epochs: number,
) {
  await gql(page, "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
    d: datasetId,
    f: files,
  });
  const { baseModels } = await gql<{ baseModels: { id: string; key: string }[] }>(page, "{ baseModels { id key } }");
  const { createExperiment } = await gql<{ createExperiment: { id: string } }>(
    page,
    "mutation($d: ID!, $m: ID!, $n: String!, $e: Int!) { createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: { epochs: $e }) { id } }",
    { d: datasetId, m: baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id, n: name, e: epochs },
  );
  return {
    experimentId: createExperiment.id,
    baseModelId: baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id,
  };
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
