import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.js";
import "./enums.js";
import "./health.js";
import "./user.js";
import "./auth.js";
import "./sign-in-options.js";
import "./api-token.js";
import "./dataset.js";
import "./dataset-health.js";
import "./image.js";
import "./direct-upload.js";
import "./base-model.js";
import "./job.js";
import "./checkpoint.js";
import "./calibration.js";
import "./training-run.js";
import "./run-comparison.js";
import "./experiment.js";
import "./prediction.js";
import "./serving.js";
import "./workspace.js";
import "./activity.js";
import "./webhook.js";
import "./label-suggestion.js";

export const schema = builder.toSchema();

/** The schema as committed in apps/api/schema.graphql (sorted, so that diffs stay small). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
