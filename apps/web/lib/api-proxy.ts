import { apiUrl } from "./graphql-client";

/** The API's origin (API_URL without /graphql), read at run time so one build serves any deployment. */
const apiOrigin = () => new URL(apiUrl()).origin;

// X-Forwarded-For is the one the dashboard's server set from the connection (lib/client-address.ts); Origin
// lets the API refuse writes sent from other sites' pages, as it does for requests made to it directly.
const FORWARDED_REQUEST = ["cookie", "authorization", "content-type", "content-length", "x-forwarded-for", "origin"];
const FORWARDED_RESPONSE = [
  "content-type",
  "set-cookie",
  "cache-control",
  "content-disposition",
  "content-length",
  "location",
];

/**
 * The most a browser may send through the dashboard in one request: without credentials, what the API
 * accepts from a stranger (64 KB); with them, the API's largest (a 500 MB zip). The API checks again.
 */
export const PROXY_LIMITS = { anonymous: 64 * 1024, signedIn: 500 * 1024 * 1024 };

function tooLarge(): Response {
  return Response.json(
    { errors: [{ message: "The request body is too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] },
    { status: 413 },
  );
}

/** The body as a stream that errors once more than `limit` bytes have passed: never buffered whole. */
function capped(body: ReadableStream<Uint8Array>, limit: number) {
  let seen = 0;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new Error("body over the limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return { stream, overLimit: () => seen > limit };
}

/**
 * Passes a browser request to the API and its answer back, streaming both ways. The browser sees one origin,
 * so the API's HTTP-only session cookie works as a first-party cookie and no CORS is needed. The API applies
 * its own limits (small until it knows the caller); the stream is capped here too.
 */
export async function proxyToApi(request: Request, path: string): Promise<Response> {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const limit = headers.has("cookie") || headers.has("authorization") ? PROXY_LIMITS.signedIn : PROXY_LIMITS.anonymous;
  if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge();
  const body = request.body && !["GET", "HEAD"].includes(request.method) ? capped(request.body, limit) : null;
  let answer: Response;
  try {
    answer = await fetch(`${apiOrigin()}${path}`, {
      method: request.method,
      headers,
      body: body?.stream,
      cache: "no-store",
      redirect: "manual",
      // @ts-expect-error: Node's fetch needs `duplex` to send a stream; the DOM typings do not know it.
      duplex: "half",
    });
  } catch {
    if (body?.overLimit()) return tooLarge();
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
