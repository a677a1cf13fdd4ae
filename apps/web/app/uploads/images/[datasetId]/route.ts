import { proxyToApi } from "../../../../lib/api-proxy";

/** Images streamed into a dataset (the API's POST /v1/datasets/:id/images), passed through as they arrive. */
export async function POST(request: Request, { params }: { params: Promise<{ datasetId: string }> }) {
  return proxyToApi(request, `/v1/datasets/${encodeURIComponent((await params).datasetId)}/images`);
}
