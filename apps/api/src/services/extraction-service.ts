import { baseModelsRepository, type Db, jobsRepository, workspacesRepository } from "@retrain/db";
import { CATALOG, isCached } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { NotFoundError } from "../domain/errors.js";
import { type Access, type Caller, requireCaller } from "./access.js";
import type { DatasetService } from "./dataset-service.js";

/** Catalog models as rows (bottlenecks and experiments point at them); run once at start. */
export async function syncCatalog(db: Db): Promise<void> {
  await baseModelsRepository(db).upsertCatalog(
    CATALOG.map((m) => ({
      key: m.id,
      name: m.name,
      sourceUrl: m.url,
      format: m.format === "graph" ? "GRAPH" : "LAYERS",
      inputWidth: m.inputSize,
      inputHeight: m.inputSize,
      normalization: m.normalization,
      bottleneckOutput: m.bottleneck ?? "",
      featureDim: m.featureDim,
    })),
  );
}

export function createExtractionService(
  db: Db,
  access: Access,
  datasets: DatasetService,
  queue: JobQueue,
  modelCacheDir: string,
) {
  const baseModels = baseModelsRepository(db);
  const jobs = jobsRepository(db);

  async function jobFor(caller: Caller | null, id: string, action: "read" | "train") {
    const job = await jobs.findById(id);
    if (!job) throw new NotFoundError("Job");
    await access.require(caller, job.workspaceId, action, "Job");
    return job;
  }

  return {
    /** Catalog models and the caller's workspaces' custom ones, each with whether its weights are cached. */
    async list(caller: Caller | null) {
      const mine = await workspacesRepository(db).listForUser(requireCaller(caller).userId);
      const rows = await baseModels.listVisible(mine.map((w) => w.id));
      return rows.map((row) => ({
        ...row,
        cached: isCached(modelCacheDir, { id: row.key }) || row.sourceUrl.startsWith("file://"),
      }));
    },

    /** Queues a job computing the dataset's missing bottleneck vectors for a base model. */
    async start(caller: Caller | null, datasetId: string, baseModelId: string) {
      const dataset = await datasets.datasetFor(caller, datasetId, "write");
      await access.require(caller, dataset.workspaceId, "train");
      const model = await baseModels.findById(baseModelId);
      if (!model || (model.workspaceId && model.workspaceId !== dataset.workspaceId))
        throw new NotFoundError("Base model");
      const job = await jobs.create({
        workspaceId: dataset.workspaceId,
        kind: "EXTRACT",
        datasetId,
        baseModelId,
        createdById: caller?.userId ?? null,
      });
      await queue.send("extract", { jobId: job.id });
      return job;
    },

    get: (caller: Caller | null, id: string) => jobFor(caller, id, "read"),

    async cancel(caller: Caller | null, id: string) {
      await jobFor(caller, id, "train");
      return jobs.requestCancel(id);
    },
  };
}

export type ExtractionService = ReturnType<typeof createExtractionService>;
