import { setting } from "@retrain/config";
import { z } from "zod";

/** What `npm start` reads itself; it passes the rest on to the API, worker and dashboard it starts. */
export const startSettings = z.object({
  API_PORT: setting.port(4000, "Port of the GraphQL API."),
  WEB_PORT: setting.port(3000, "Port of the dashboard."),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional()
    .describe("A PostgreSQL to use instead of the embedded one (`npm start` then starts no database)."),
  POSTGRES_PORT: setting.port(54329, "Port of the embedded PostgreSQL."),
  POSTGRES_DATA_DIR: setting.folder(
    ".data/postgres",
    "Folder of the embedded PostgreSQL's data (created on first start).",
  ),
});
