import type { Page } from "@playwright/test";

/** One GraphQL request through the dashboard's proxy, with this page's session cookie. */
export async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await page.request.post("/graphql", { data: { query, variables } });
  const body = (await answer.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
