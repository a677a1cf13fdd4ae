import { builder } from "./builder.js";

/** A label and its probability: predictions and evaluations both answer with it (a leaf, so neither imports the other). */
export const LabelProbabilityRef = builder
  .objectRef<{ label: string; probability: number }>("LabelProbability")
  .implement({
    description: "A label and its probability.",
    fields: (t) => ({
      label: t.exposeString("label", { description: "Class name." }),
      probability: t.exposeFloat("probability", { description: "From 0 to 1." }),
    }),
  });
