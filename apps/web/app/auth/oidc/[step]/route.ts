import { proxyToApi } from "../../../../lib/api-proxy";

export const dynamic = "force-dynamic";

/** Single sign-on's redirects (start, callback) pass through to the API, which sets the session cookie here. */
export async function GET(request: Request, { params }: { params: Promise<{ step: string }> }) {
  const step = (await params).step;
  if (step !== "start" && step !== "callback") return new Response("Not found", { status: 404 });
  return proxyToApi(request, `/auth/oidc/${step}${new URL(request.url).search}`);
}
