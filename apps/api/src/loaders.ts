import {
  baseModelsRepository,
  checkpointsRepository,
  type Db,
  datasetsRepository,
  experimentsRepository,
  imagesRepository,
  jobsRepository,
  usersRepository,
  webhooksRepository,
  workspacesRepository,
} from "@retrain/db";
import { isStoredModelCached } from "@retrain/models";
import DataLoader from "dataloader";

/** Groups rows by a key, in the order of `keys` (what DataLoader expects). */
function groupBy<T, K extends string>(keys: readonly K[], rows: T[], keyOf: (row: T) => K | null): T[][] {
  const map = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    const k = keyOf(row);
    if (k !== null) map.get(k)?.push(row);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per-request batch loaders: a nested list (workspaces -> datasets -> labels -> counts) costs one query per
 * level, whatever the number of parents (no N+1). Created fresh for every request, so nothing is cached
 * across callers.
 */
export function createLoaders(db: Db, modelCacheDir: string, options: { cache?: boolean } = {}) {
  // A subscription's context lives as long as the subscription: it batches without caching, so each
  // update reads fresh rows.
  const loader = <V>(batch: (ids: readonly string[]) => Promise<(V | Error)[]>) =>
    new DataLoader<string, V>(batch, { cache: options.cache ?? true });
  const users = usersRepository(db);
  const workspaces = workspacesRepository(db);
  const datasets = datasetsRepository(db);
  const experiments = experimentsRepository(db);
  const checkpoints = checkpointsRepository(db);
  const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]) =>
    ids.map((id) => rows.find((r) => r.id === id) ?? new Error(`${id} not found`));
  return {
    dataset: loader(async (ids: readonly string[]) => byId(ids, await datasets.findManyByIds(ids))),
    /** Images by id, null when deleted since (an evaluation's mistakes outlive them). */
    image: loader(async (ids: readonly string[]) => {
      const rows = await imagesRepository(db).findManyByIds(ids);
      return ids.map((id) => rows.find((i) => i.id === id) ?? null);
    }),
    baseModel: loader(async (ids: readonly string[]) => {
      const rows = await baseModelsRepository(db).findManyByIds(ids);
      return byId(
        ids,
        rows.map((r) => ({ ...r, cached: isStoredModelCached(r, modelCacheDir) })),
      );
    }),
    aliases: loader(async (ids: readonly string[]) =>
      groupBy(ids, await checkpoints.aliasesOf(ids), (a) => a.experimentId),
    ),
    checkpoint: loader(async (ids: readonly string[]) => byId(ids, await checkpoints.summaries(ids))),
    /** Each dataset's experiments, oldest first. */
    experimentsOfDataset: loader(async (ids: readonly string[]) =>
      groupBy(ids, await experiments.listByDatasets(ids), (e) => e.datasetId),
    ),
    /** The latest 20 deliveries of each webhook (the delivery log). */
    webhookDeliveries: loader(async (ids: readonly string[]) =>
      groupBy(ids, await webhooksRepository(db).latestDeliveries(ids, 20), (d) => d.webhookId),
    ),
    calibration: loader(async (ids: readonly string[]) => {
      const rows = await checkpoints.calibrations(ids);
      return ids.map((id) => rows.find((r) => r.id === id)?.calibration ?? null);
    }),
    runExtraction: loader(async (ids: readonly string[]) => {
      const rows = await jobsRepository(db).latestOfRuns(ids);
      return ids.map((id) => rows.find((j) => j.runId === id) ?? null);
    }),
    splitCounts: loader(async (ids: readonly string[]) => {
      const rows = await datasets.splitCounts(ids);
      return ids.map((id) => {
        const mine = rows.filter((r) => r.datasetId === id);
        const count = (split: string) =>
          mine.filter((r) => r.split === split).reduce((sum, r) => sum + r._count._all, 0);
        const unlabelled = mine.filter((r) => r.labelId === null).reduce((sum, r) => sum + r._count._all, 0);
        return { train: count("TRAIN"), validation: count("VALIDATION"), test: count("TEST"), unlabelled };
      });
    }),
    runs: loader(async (ids: readonly string[]) => groupBy(ids, await experiments.runsOf(ids), (r) => r.experimentId)),
    epochs: loader(async (ids: readonly string[]) => groupBy(ids, await experiments.epochsOf(ids), (e) => e.runId)),
    checkpoints: loader(async (ids: readonly string[]) => groupBy(ids, await checkpoints.ofRuns(ids), (c) => c.runId)),
    user: loader(async (ids: readonly string[]) => {
      const rows = await users.findManyByIds(ids);
      return ids.map((id) => rows.find((u) => u.id === id) ?? null);
    }),
    memberships: loader(async (ids: readonly string[]) =>
      groupBy(ids, await workspaces.membershipsOf(ids), (m) => m.workspaceId),
    ),
    invitations: loader(async (ids: readonly string[]) =>
      groupBy(ids, await workspaces.invitationsOf(ids), (i) => i.workspaceId),
    ),
    datasets: loader(async (ids: readonly string[]) =>
      groupBy(ids, await datasets.listForWorkspaces(ids), (d) => d.workspaceId),
    ),
    /** Labels by id, null when deleted since. */
    label: loader(async (ids: readonly string[]) => {
      const rows = await datasets.labelsByIds(ids);
      return ids.map((id) => rows.find((l) => l.id === id) ?? null);
    }),
    labels: loader(async (ids: readonly string[]) => groupBy(ids, await datasets.labelsOf(ids), (l) => l.datasetId)),
    imageCount: loader(async (ids: readonly string[]) => {
      const counts = await datasets.imageCountsByLabel(ids);
      return ids.map((id) => counts.find((c) => c.labelId === id)?._count._all ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
