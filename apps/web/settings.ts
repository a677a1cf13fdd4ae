import { loadConfig, setting } from "@retrain/config";
import { z } from "zod";

/** Every setting the dashboard's server reads (the README's table lists them too). */
export const webSettings = z.object({
  PORT: setting.port(3000, "Port of the dashboard (`npm start` sets it from WEB_PORT)."),
  API_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .default("http://localhost:4000/graphql")
    .describe("The API's GraphQL endpoint as the dashboard's server reaches it; browsers only talk to the dashboard."),
});

let loaded: z.infer<typeof webSettings> | null = null;

/** The settings, read and checked once per process. */
export function webConfig(): z.infer<typeof webSettings> {
  loaded ??= loadConfig(webSettings);
  return loaded;
}
