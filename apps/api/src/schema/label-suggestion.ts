import type { LabelSuggestion } from "../services/datasets/label-suggestions.js";
import { builder } from "./builder.js";
import { DatasetRef } from "./dataset.js";
import { ImageRef } from "./image.js";

const LabelSuggestionRef = builder.objectRef<LabelSuggestion>("LabelSuggestion").implement({
  description: "An unlabelled image worth labelling, and what a checkpoint thinks it is (a pre-label).",
  fields: (t) => ({
    image: t.field({
      type: ImageRef,
      nullable: true,
      description: "The image (null if deleted meanwhile).",
      resolve: (s, _args, { loaders }) => loaders.image.load(s.imageId),
    }),
    doubt: t.exposeFloat("doubt", {
      description: "1 - the checkpoint's margin between its two best classes (1 without a checkpoint).",
    }),
    label: t.exposeString("label", {
      nullable: true,
      description:
        "The checkpoint's suggested label (calibrated top class); null without one, or when it would say don't know.",
    }),
    confidence: t.exposeFloat("confidence", { nullable: true, description: "Its calibrated probability." }),
  }),
});

const AcceptedLabel = builder.objectRef<{ label: string; count: number }>("AcceptedLabels").implement({
  description: "Images a bulk accept labelled with one label.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "The label." }),
    count: t.exposeInt("count", { description: "Images given it." }),
  }),
});

builder.objectField(DatasetRef, "labelNext", (t) =>
  t.field({
    type: [LabelSuggestionRef],
    description:
      "Unlabelled images in the order that should help most: the checkpoint's doubt weighed by distance to what is labelled, so the top is not many copies of one doubt. With a checkpoint (of this workspace), each has its suggested label; without, give a base model and the order spreads over the images. Only images whose vectors exist for that base model (a run or a health check computes them); at most 20,000 unlabelled images are considered.",
    args: {
      checkpointId: t.arg.id({ description: "The head whose doubt and suggestions to use." }),
      baseModelId: t.arg.id({ description: "Without a checkpoint: the base model whose vectors to use." }),
      first: t.arg.int({ defaultValue: 40, description: "How many (at most 500)." }),
    },
    resolve: (dataset, args, { services, caller }) =>
      services.labelSuggestions.suggest(caller, dataset.id, { ...args, first: args.first ?? 40 }),
  }),
);

builder.mutationField("acceptSuggestedLabels", (t) =>
  t.field({
    type: [AcceptedLabel],
    description:
      "Labels every unlabelled image whose suggested label (from this checkpoint) has at least this calibrated confidence, and is not a don't-know, with that label (missing labels are made). MEMBER or above.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      checkpointId: t.arg.id({ required: true, description: "The checkpoint whose suggestions to accept." }),
      minConfidence: t.arg.float({ required: true, description: "Between 0 and 1, such as 0.95." }),
    },
    resolve: (_root, a, { services, caller }) =>
      services.labelSuggestions.acceptAbove(caller, a.datasetId, a.checkpointId, a.minConfidence),
  }),
);
