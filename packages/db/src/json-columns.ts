import {
  calibrationSchema,
  readStored,
  storedEvaluationSchema,
  storedHyperparametersSchema,
  storedMetricsSchema,
} from "@retrain/engine/records";
import { z } from "zod";
import { Prisma } from "./generated/prisma/client.js";
import { storedHealthReportSchema } from "./health-report.js";

/** What an activity records beside its verb: a name, a role, or a promotion's alias and parity check. */
const activityDataSchema = z
  .object({
    name: z.string(),
    email: z.string(),
    role: z.string(),
    alias: z.string(),
    parity: z.object({ checked: z.number(), passed: z.boolean(), differences: z.array(z.unknown()).optional() }),
  })
  .partial();

/** A served prediction's answer as logged: its top labels, or why it failed. */
const servedAnswerSchema = z.union([
  z.array(z.object({ label: z.string(), probability: z.number() })),
  z.object({ error: z.string() }),
]);

/** Hyperparameters always read complete: a row missing one (an older release's) takes its default. */
const hyperparameters = (value: unknown) =>
  readStored(storedHyperparametersSchema, value) ?? storedHyperparametersSchema.parse({});

/**
 * The JSON columns the engine's results are stored in, read by their schemas for every query (nested
 * includes and selects too): what leaves this package is typed, and no code above it casts a JSON value.
 */
export const jsonColumns = Prisma.defineExtension({
  name: "json-columns",
  result: {
    experiment: {
      hyperparameters: { needs: { hyperparameters: true }, compute: (e) => hyperparameters(e.hyperparameters) },
    },
    trainingRun: {
      hyperparameters: { needs: { hyperparameters: true }, compute: (r) => hyperparameters(r.hyperparameters) },
      metrics: { needs: { metrics: true }, compute: (r) => readStored(storedMetricsSchema, r.metrics) },
      evaluation: { needs: { evaluation: true }, compute: (r) => readStored(storedEvaluationSchema, r.evaluation) },
    },
    activity: {
      data: { needs: { data: true }, compute: (a) => readStored(activityDataSchema, a.data) },
    },
    prediction: {
      topK: { needs: { topK: true }, compute: (p) => readStored(servedAnswerSchema, p.topK) ?? [] },
    },
    datasetHealth: {
      report: { needs: { report: true }, compute: (h) => readStored(storedHealthReportSchema, h.report) },
    },
    checkpoint: {
      metrics: { needs: { metrics: true }, compute: (c) => readStored(storedMetricsSchema, c.metrics) },
      calibration: { needs: { calibration: true }, compute: (c) => readStored(calibrationSchema, c.calibration) },
    },
  },
});
