import { proxyToApi } from "../../lib/api-proxy";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => proxyToApi(request, "/graphql");
