import type { Db } from "./client.js";
import type { Prisma } from "./generated/prisma/client.js";

/** A model's row as the repositories return it: JSON columns typed by their schemas (json-columns.ts). */
type Row<Delegate> = Prisma.Result<Delegate, object, "findUniqueOrThrow">;

export type Experiment = Row<Db["experiment"]>;
export type TrainingRun = Row<Db["trainingRun"]>;
export type Checkpoint = Row<Db["checkpoint"]>;
export type Prediction = Row<Db["prediction"]>;
export type Activity = Row<Db["activity"]>;
