export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** One GraphQL operation over HTTP to an API process (`token`: a session or API token, sent as Bearer). */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  signal?: AbortSignal,
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as Omit<GraphQLAnswer<T>, "status">;
  return { status: response.status, ...body };
}

/** Signs a new user up through the API and gives their session token. */
export async function signUpAt(url: string, email: string): Promise<string> {
  const answer = await graphqlRequest<{ signUp: { sessionToken: string } }>(
    url,
    'mutation($e: String!) { signUp(email: $e, name: "Test", password: "correct horse") { sessionToken } }',
    { e: email },
  );
  if (!answer.data) throw new Error(`sign-up failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.signUp.sessionToken;
}

/**
 * A new user with a workspace of their own (benchmarks): their token, the workspace's id, and `gql`, which
 * sends an operation as them and throws on errors.
 */
export async function userWithWorkspace(url: string, email: string) {
  const token = await signUpAt(url, email);
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const answer = await graphqlRequest<T>(url, query, variables, token);
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  };
  const { createWorkspace } = await gql<{ createWorkspace: { id: string } }>(
    'mutation { createWorkspace(name: "Bench") { id } }',
  );
  return { token, gql, workspaceId: createWorkspace.id };
}
