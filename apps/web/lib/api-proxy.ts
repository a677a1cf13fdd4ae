import { apiUrl } from "./graphql-client";

/** The API's origin (API_URL without /graphql), read at run time so one build serves any deployment. */
const apiOrigin = () => new URL(apiUrl()).origin;

const FORWARDED_REQUEST = ["cookie", "authorization", "content-type"];
const FORWARDED_RESPONSE = ["content-type", "set-cookie", "cache-control", "content-disposition", "content-length"];

/**
 * Passes a browser request to the API and its answer back. The browser sees one origin, so the API's
 * HTTP-only session cookie works as a first-party cookie and no CORS is needed.
 */
export async function proxyToApi(request: Request, path: string): Promise<Response> {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = !["GET", "HEAD"].includes(request.method);
  let answer: Response;
  try {
    answer = await fetch(`${apiOrigin()}${path}`, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      cache: "no-store",
      redirect: "manual",
    });
  } catch {
    return Response.json(
      { errors: [{ message: "The API cannot be reached.", extensions: { code: "API_UNREACHABLE" } }] },
      { status: 502 },
    );
  }
  const out = new Headers();
  for (const name of FORWARDED_RESPONSE) {
    if (name === "set-cookie") for (const cookie of answer.headers.getSetCookie()) out.append("set-cookie", cookie);
    else {
      const value = answer.headers.get(name);
      if (value) out.set(name, value);
    }
  }
  return new Response(answer.body, { status: answer.status, headers: out });
}
