import { z } from "zod";

const ids = z.array(z.string());

/** A dataset health report as stored: findings name images and labels by id, so they survive renames and reordering. */
export const storedHealthReportSchema = z.object({
  /** Labelled images with a vector that the report looked at. */
  images: z.number(),
  duplicates: z.array(z.object({ imageIds: ids, maxDistance: z.number(), crossesSplits: z.boolean() })),
  mislabeled: z.array(
    z.object({
      imageId: z.string(),
      givenLabelId: z.string(),
      suggestedLabelId: z.string(),
      givenProbability: z.number(),
      suggestedProbability: z.number(),
    }),
  ),
  strays: z.array(z.object({ imageId: z.string(), score: z.number() })),
  balance: z.object({
    perClass: z.array(
      z.object({ label: z.string(), train: z.number(), validation: z.number(), test: z.number(), total: z.number() }),
    ),
    small: ids,
    missing: z.array(z.object({ split: z.string(), labels: ids })),
  }),
  seconds: z.object({ neighbours: z.number(), folds: z.number(), map: z.number() }),
});
export type StoredHealthReport = z.infer<typeof storedHealthReportSchema>;
