import type { TypedDocumentString } from "../gql/graphql";

/**
 * The API's GraphQL endpoint, as seen from the dashboard's server (read at run time). server.ts checks the
 * setting at start (settings.ts) and leaves it in the environment, defaults filled in.
 */
export const apiUrl = () => process.env.API_URL ?? "http://localhost:4000/graphql";

export class ApiUnreachableError extends Error {}

/** Sends one typed GraphQL operation to the API from the dashboard's server (the status panel). */
export async function serverGql<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: document.toString(), variables }),
      cache: "no-store",
    });
  } catch (error) {
    throw new ApiUnreachableError(`The API at ${apiUrl()} cannot be reached (${(error as Error).message}).`);
  }
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!body.data) throw new Error(`The API answered ${response.status} without data.`);
  return body.data;
}
