import { loadConfig, setting } from "@retrain/config";
import { z } from "zod";

/** Every setting the dashboard's server reads (docs/settings.md lists them too). */
export const webSettings = z.object({
  PORT: setting.port(3000, "Port of the dashboard (`npm start` sets it from WEB_PORT)."),
  API_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .default("http://localhost:4000/graphql")
    .describe("The API's GraphQL endpoint as the dashboard's server reaches it; browsers only talk to the dashboard."),
  TRUST_PROXY: z
    .string()
    .default("")
    .describe(
      "Proxies in front of the dashboard whose X-Forwarded-For names the client (addresses or subnets, comma-separated); empty: the connection's own address is the client's.",
    ),
  SHUTDOWN_SECONDS: z.coerce
    .number()
    .positive()
    .default(30)
    .describe("On SIGTERM, how long requests and uploads in flight may take to finish before the dashboard stops."),
});

let loaded: z.infer<typeof webSettings> | null = null;

/** The settings, read and checked once per process. */
export function webConfig(): z.infer<typeof webSettings> {
  loaded ??= loadConfig(webSettings);
  return loaded;
}
