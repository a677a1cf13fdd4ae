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
  UPLOAD_ORIGINS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^\s/;,'"]+$/, "must be origins, such as https://bucket.example.com")))
    .describe(
      "Origins besides its own that the dashboard's pages may send images to: the S3 bucket's, when the API has S3_BROWSER_UPLOADS on (such as https://retrain.s3.eu-west-1.amazonaws.com). `npm start` sets it from S3_ENDPOINT.",
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
