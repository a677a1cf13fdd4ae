import { type ChangeFeed, type Db, datasetsRepository } from "@retrain/db";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { optionalText, requireName } from "../../domain/validate.js";
import { sharedInFlight } from "../in-flight.js";
import { removeExports } from "../serving/export-files.js";
import { type Access, type Caller, requireCaller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import { watchRow } from "./watch.js";

/** Prisma's unique-constraint violation, turned into a conflict the user can act on. */
async function unique<T>(work: Promise<T>, message: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError(message);
    throw error;
  }
}

export function createDatasetService(db: Db, access: Access, changes: ChangeFeed, exportDir: string) {
  const datasets = datasetsRepository(db);
  const log = activityLog(db);
  const shapes = sharedInFlight<{
    dataset: NonNullable<Awaited<ReturnType<typeof datasets.findById>>>;
    signature: string;
  }>();

  /** The dataset, if the caller may do `action` in its workspace; NOT_FOUND for outsiders. */
  async function datasetFor(caller: Caller | null, id: string, action: "read" | "write") {
    requireCaller(caller);
    const dataset = await datasets.findById(id);
    if (!dataset) throw new NotFoundError("Dataset");
    await access.require(caller, dataset.workspaceId, action, "Dataset");
    return dataset;
  }

  async function labelFor(caller: Caller | null, id: string) {
    requireCaller(caller);
    const label = await datasets.findLabel(id);
    if (!label) throw new NotFoundError("Label");
    await access.require(caller, label.dataset.workspaceId, "write", "Label");
    return label;
  }

  return {
    datasetFor,

    /**
     * The dataset each time its images or labels change (uploads, imports, relabels, deletions, by anyone),
     * for the datasetUpdates subscription; access is checked again before each update.
     */
    async watch(caller: () => Promise<Caller | null>, id: string) {
      await datasetFor(await caller(), id, "read");
      return watchRow(
        changes,
        [`dataset:${id}`],
        async () => {
          // One read per change for every subscriber of the dataset; each is checked on its own.
          const row = await shapes(`${id}@${changes.sequence()}`, async () => {
            const dataset = await datasets.findById(id);
            if (!dataset) throw new NotFoundError("Dataset");
            const [counts, labels] = await Promise.all([datasets.splitCounts([id]), datasets.labelsOf([id])]);
            const shape = counts.map((c) => `${c.split}:${c.labelId}:${c._count._all}`).sort();
            return { dataset, signature: `${shape.join(",")}|${labels.map((l) => `${l.id}:${l.name}`).join(",")}` };
          });
          await access.require(await caller(), row.dataset.workspaceId, "read", "Dataset");
          return row;
        },
        (row) => row.signature,
        () => false,
      );
    },

    async create(caller: Caller | null, input: { workspaceId: string; name: string; description?: string | null }) {
      await access.require(caller, input.workspaceId, "write");
      const { userId } = requireCaller(caller);
      const name = requireName("name", input.name);
      const dataset = await unique(
        datasets.create({
          workspaceId: input.workspaceId,
          name,
          description: optionalText("description", input.description) ?? "",
          createdById: userId,
        }),
        `A dataset named "${name}" exists already in this workspace.`,
      );
      await log.record({ userId }, input.workspaceId, "dataset.created", ["Dataset", dataset.id], { name });
      return dataset;
    },

    async update(caller: Caller | null, id: string, input: { name?: string | null; description?: string | null }) {
      await datasetFor(caller, id, "write");
      const name = input.name == null ? undefined : requireName("name", input.name);
      return unique(
        datasets.update(id, { name, description: optionalText("description", input.description) }),
        `A dataset named "${name}" exists already.`,
      );
    },

    /**
     * Deletes a dataset with its images, experiments, runs and checkpoints. An empty one is a member's to
     * delete; one with experiments follows the rules of deleting those (ADMIN or above, no run under way),
     * since the experiments, their checkpoints and any alias serving them go with it.
     */
    async delete(caller: Caller | null, id: string) {
      const dataset = await datasetFor(caller, id, "write");
      const dependents = await datasets.dependents(id);
      if (dependents.experiments > 0) {
        await access.require(caller, dataset.workspaceId, "destroy", "Dataset");
        if (dependents.activeRuns > 0) throw new ConflictError("A run on this dataset is under way: cancel it first.");
      }
      await datasets.delete(id);
      await removeExports(exportDir, dependents.checkpointIds);
      await log.record(caller, dataset.workspaceId, "dataset.deleted", ["Dataset", id], { name: dataset.name });
      return true;
    },

    async createLabel(caller: Caller | null, datasetId: string, name: string) {
      await datasetFor(caller, datasetId, "write");
      const clean = requireName("name", name);
      return unique(datasets.createLabel(datasetId, clean), `The dataset has a label "${clean}" already.`);
    },

    async renameLabel(caller: Caller | null, id: string, name: string) {
      await labelFor(caller, id);
      const clean = requireName("name", name);
      return unique(datasets.renameLabel(id, clean), `The dataset has a label "${clean}" already.`);
    },

    async deleteLabel(caller: Caller | null, id: string) {
      await labelFor(caller, id);
      await datasets.deleteLabel(id); // its images become unlabelled (onDelete: SetNull)
      return true;
    },

    async mergeLabels(caller: Caller | null, fromId: string, intoId: string) {
      const from = await labelFor(caller, fromId);
      const into = await labelFor(caller, intoId);
      if (from.datasetId !== into.datasetId)
        throw new ValidationError("intoId", "Labels can only be merged within one dataset.");
      if (from.id === into.id) throw new ValidationError("intoId", "A label cannot be merged into itself.");
      return datasets.mergeLabels(fromId, intoId);
    },
  };
}

export type DatasetService = ReturnType<typeof createDatasetService>;
