import { proxyToApi } from "../../../lib/api-proxy";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return proxyToApi(request, `/thumbnails/${encodeURIComponent((await params).id)}`);
}
