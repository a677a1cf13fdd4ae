import type { DatasetHealthReport } from "../services/health/dataset-health-service.js";
import { builder } from "./builder.js";

/** Parallel lists rather than an object per point: 50,000 points stay a few compact arrays on the wire. */
export const DatasetMapRef = builder.objectRef<DatasetHealthReport["map"]>("DatasetMap").implement({
  description: "The dataset's 2-D map (UMAP of the vectors), one entry per image in parallel lists, x and y in [0, 1].",
  fields: (t) => ({
    imageIds: t.idList({ description: "Image ids.", resolve: (m) => m.map((p) => p.imageId) }),
    x: t.floatList({ description: "Horizontal positions.", resolve: (m) => m.map((p) => p.x) }),
    y: t.floatList({ description: "Vertical positions.", resolve: (m) => m.map((p) => p.y) }),
    labelIds: t.field({
      type: ["ID"],
      nullable: { list: false, items: true },
      description: "Each image's label now (null: unlabelled).",
      resolve: (m) => m.map((p) => p.labelId),
    }),
    flagged: t.booleanList({
      description: "Whether an open finding names the image.",
      resolve: (m) => m.map((p) => p.flagged),
    }),
  }),
});
