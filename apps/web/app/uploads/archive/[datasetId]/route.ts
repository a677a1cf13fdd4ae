import { proxyToApi } from "../../../../lib/api-proxy";

export async function POST(request: Request, { params }: { params: Promise<{ datasetId: string }> }) {
  return proxyToApi(request, `/datasets/${encodeURIComponent((await params).datasetId)}/archive`);
}
