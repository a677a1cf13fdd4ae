import { proxyToApi } from "../../../lib/api-proxy";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return proxyToApi(request, `/exports/${encodeURIComponent((await params).file)}`);
}
