import type { Dataset, Label } from "@retrain/db";
import { currentCaller } from "../context.js";
import { builder } from "./builder.js";

export const LabelRef = builder.objectRef<Label>("Label").implement({
  description: "A class of a dataset.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    name: t.exposeString("name", { description: "The class name, unique in its dataset." }),
    imageCount: t.int({
      description: "Images with this label.",
      resolve: (l, _a, { loaders }) => loaders.imageCount.load(l.id),
    }),
  }),
});

const SplitCountRef = builder
  .objectRef<{ train: number; validation: number; test: number; unlabelled: number }>("SplitCounts")
  .implement({
    description: "Image counts of a dataset by split.",
    fields: (t) => ({
      train: t.exposeInt("train", { description: "Images trained on." }),
      validation: t.exposeInt("validation", { description: "Images for per-epoch validation." }),
      test: t.exposeInt("test", { description: "Images held out for the final evaluation." }),
      unlabelled: t.exposeInt("unlabelled", { description: "Images without a label (not trained on)." }),
    }),
  });

export const DatasetRef = builder.objectRef<Dataset>("Dataset").implement({
  description: "Labelled images a workspace trains on.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    workspaceId: t.exposeID("workspaceId", { description: "The workspace it belongs to." }),
    name: t.exposeString("name", { description: "Unique in its workspace." }),
    description: t.exposeString("description", { description: "Free text." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
    labels: t.field({
      type: [LabelRef],
      description: "Its classes, by name.",
      resolve: (d, _a, { loaders }) => loaders.labels.load(d.id),
    }),
    splitCounts: t.field({
      type: SplitCountRef,
      description: "How many images each split holds, and how many have no label.",
      resolve: (d, _a, { loaders }) => loaders.splitCounts.load(d.id),
    }),
  }),
});

builder.queryField("dataset", (t) =>
  t.field({
    type: DatasetRef,
    description: "One dataset of a workspace you belong to (NOT_FOUND otherwise).",
    args: { id: t.arg.id({ required: true, description: "Dataset id." }) },
    resolve: (_r, args, { services, caller }) => services.datasets.datasetFor(caller, args.id, "read"),
  }),
);

builder.mutationFields((t) => ({
  createDataset: t.field({
    type: DatasetRef,
    description: "Create a dataset (MEMBER or above).",
    args: {
      workspaceId: t.arg.id({ required: true, description: "Workspace id." }),
      name: t.arg.string({ required: true, description: "Unique in the workspace." }),
      description: t.arg.string({ description: "Free text." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.datasets.create(caller, {
        workspaceId: args.workspaceId,
        name: args.name,
        description: args.description,
      }),
  }),
  updateDataset: t.field({
    type: DatasetRef,
    description: "Rename a dataset or change its description.",
    args: {
      id: t.arg.id({ required: true, description: "Dataset id." }),
      name: t.arg.string({ description: "New name." }),
      description: t.arg.string({ description: "New description." }),
    },
    resolve: (_r, args, { services, caller }) => services.datasets.update(caller, args.id, args),
  }),
  deleteDataset: t.boolean({
    description:
      "Delete a dataset with its labels and images (MEMBER); one with experiments also deletes them, their runs and checkpoints, so it needs what deleting experiments needs: ADMIN, and no run under way (CONFLICT).",
    args: { id: t.arg.id({ required: true, description: "Dataset id." }) },
    resolve: (_r, args, { services, caller }) => services.datasets.delete(caller, args.id),
  }),
  createLabel: t.field({
    type: LabelRef,
    description: "Add a class to a dataset.",
    args: {
      datasetId: t.arg.id({ required: true, description: "Dataset id." }),
      name: t.arg.string({ required: true, description: "Class name." }),
    },
    resolve: (_r, args, { services, caller }) => services.datasets.createLabel(caller, args.datasetId, args.name),
  }),
  renameLabel: t.field({
    type: LabelRef,
    description: "Rename a class.",
    args: {
      id: t.arg.id({ required: true, description: "Label id." }),
      name: t.arg.string({ required: true, description: "New name." }),
    },
    resolve: (_r, args, { services, caller }) => services.datasets.renameLabel(caller, args.id, args.name),
  }),
  deleteLabel: t.boolean({
    description: "Delete a class; its images become unlabelled.",
    args: { id: t.arg.id({ required: true, description: "Label id." }) },
    resolve: (_r, args, { services, caller }) => services.datasets.deleteLabel(caller, args.id),
  }),
  mergeLabels: t.field({
    type: LabelRef,
    description: "Move every image of one class into another and delete the first.",
    args: {
      fromId: t.arg.id({ required: true, description: "The label to merge away." }),
      intoId: t.arg.id({ required: true, description: "The label that receives its images." }),
    },
    resolve: (_r, args, { services, caller }) => services.datasets.mergeLabels(caller, args.fromId, args.intoId),
  }),
}));

builder.subscriptionField("datasetUpdates", (t) =>
  t.field({
    type: DatasetRef,
    description: "The dataset each time its images or labels change (uploads, imports, relabels, deletions by anyone).",
    args: { id: t.arg.id({ required: true, description: "Dataset id." }) },
    subscribe: (_r, a, ctx) => ctx.services.datasets.watch(() => currentCaller(ctx), a.id),
    resolve: (update) => update.dataset,
  }),
);
