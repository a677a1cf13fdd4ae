import {
  checkpointsRepository,
  commentsRepository,
  type Db,
  datasetsRepository,
  experimentsRepository,
  usersRepository,
  workspacesRepository,
} from "@retrain/db";
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
export function createLoaders(db: Db) {
  const users = usersRepository(db);
  const workspaces = workspacesRepository(db);
  const datasets = datasetsRepository(db);
  const experiments = experimentsRepository(db);
  const checkpoints = checkpointsRepository(db);
  return {
    comments: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await commentsRepository(db).ofExperiments(ids), (c) => c.experimentId),
    ),
    runs: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await experiments.runsOf(ids), (r) => r.experimentId),
    ),
    epochs: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await experiments.epochsOf(ids), (e) => e.runId),
    ),
    checkpoints: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await checkpoints.ofRuns(ids), (c) => c.runId),
    ),
    user: new DataLoader(async (ids: readonly string[]) => {
      const rows = await users.findManyByIds(ids);
      return ids.map((id) => rows.find((u) => u.id === id) ?? null);
    }),
    memberships: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await workspaces.membershipsOf(ids), (m) => m.workspaceId),
    ),
    invitations: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await workspaces.invitationsOf(ids), (i) => i.workspaceId),
    ),
    datasets: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await datasets.listForWorkspaces(ids), (d) => d.workspaceId),
    ),
    labels: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await datasets.labelsOf(ids), (l) => l.datasetId),
    ),
    imageCount: new DataLoader(async (ids: readonly string[]) => {
      const counts = await datasets.imageCountsByLabel(ids);
      return ids.map((id) => counts.find((c) => c.labelId === id)?._count._all ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
