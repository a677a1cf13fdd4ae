"use client";
import { useState } from "react";
import { graphql } from "../gql";
import { describeError, gql, useQuery } from "../lib/api";
import { followSubscription } from "../lib/live";
import { isJobActive } from "../lib/statuses";
import { BulkImageActions } from "./bulk-image-actions";
import { DatasetMap } from "./dataset-map";
import { ErrorNote, Loading, ProgressBar } from "./feedback";
import { HealthFindings } from "./health-findings";

const HealthQuery = graphql(`query DatasetHealthTab($id: ID!) {
  baseModels { id name cached }
  dataset(id: $id) { id labels { id name }
    healthCheck { id status error progress { done total } }
    health { stale computedAt images baseModel { id name }
      summary { duplicateGroups leakingGroups mislabeled strays smallClasses reviewed }
      balance { perClass { label train validation test total } smallClasses missing { split labels } }
      map { imageIds x y labelIds flagged }
      ...HealthFindings } } }`);
const StartCheck = graphql(`mutation StartHealthCheck($d: ID!, $m: ID!) {
  startHealthCheck(datasetId: $d, baseModelId: $m) { id status error progress { done total } } }`);
const CheckProgress = graphql(`subscription HealthCheckProgress($id: ID!) {
  jobProgress(id: $id) { id status error progress { done total } result { ... on HealthResult { stage } } } }`);

const STAGE: Record<string, string> = {
  extract: "Computing missing vectors",
  neighbours: "Finding near-duplicates",
  folds: "Training out-of-fold heads",
  map: "Drawing the map",
};

/** The Health tab: start a check (live bar), the summary, balance, the map with lasso actions, the findings. */
export function DatasetHealth({
  datasetId,
  canWrite,
  highlight,
}: {
  datasetId: string;
  canWrite: boolean;
  highlight: ReadonlySet<string>;
}) {
  // A check started elsewhere (another member, another tab) is polled until it ends.
  const { data, error, mutate } = useQuery(
    HealthQuery,
    { id: datasetId },
    { refreshInterval: (d) => (isJobActive(d?.dataset.healthCheck?.status) ? 2000 : 0) },
  );
  const [running, setRunning] = useState<{ done: number; total: number; stage: string | null } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState<Set<string> | null>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const { dataset } = data;
  const health = dataset.health;
  const models = data.baseModels.filter((m) => m.cached || m.id === health?.baseModel.id);

  async function check(form: FormData) {
    setFailure(null);
    try {
      const { startHealthCheck: job } = await gql(StartCheck, { d: datasetId, m: String(form.get("model")) });
      setRunning({ ...job.progress, stage: null });
      const pushed = await followSubscription(CheckProgress, { id: job.id }, ({ jobProgress: j }) => {
        const stage = j.result && "stage" in j.result ? j.result.stage : null;
        setRunning({ ...j.progress, stage });
        if (j.error) setFailure(new Error(j.error));
      });
      if (!pushed) setFailure(new Error("Live progress is unavailable; reload the page when the check ends."));
    } catch (e) {
      setFailure(e);
    }
    setRunning(null);
    await mutate();
  }
  const act = (change: Promise<unknown>) => void change.then(() => mutate()).catch((e: unknown) => setFailure(e));
  const last = dataset.healthCheck;

  return (
    <section aria-label="Dataset health">
      {canWrite && (
        <form action={check} className="toolbar">
          <label>
            Base model
            <select name="model" defaultValue={health?.baseModel.id ?? models[0]?.id}>
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={running !== null}>
            {health ? "Check again" : "Check health"}
          </button>
        </form>
      )}
      {running && (
        <ProgressBar value={running.done} max={running.total || 100} label={STAGE[running.stage ?? ""] ?? "Checking"} />
      )}
      {!running && last && isJobActive(last.status) && (
        <ProgressBar value={last.progress.done} max={last.progress.total || 100} label="Checking" />
      )}
      {!running && last?.status === "FAILED" && <p className="bad">The last check failed: {last.error}</p>}
      {failure !== null && <p className="bad">{describeError(failure)}</p>}
      {!health ? (
        <p className="muted">
          No check yet. A check finds near-duplicates (and leakage across splits), likely wrong labels and strays, and
          draws the dataset's map.
        </p>
      ) : (
        <>
          <p className="muted">
            {health.images} images checked with {health.baseModel.name}, {new Date(health.computedAt).toLocaleString()}.
            {health.stale && <b> The dataset changed since: check again for new findings.</b>}
          </p>
          <ul className="stats" aria-label="Health summary">
            <li>
              <b>{health.summary.leakingGroups}</b> leaking duplicate groups
            </li>
            <li>
              <b>{health.summary.duplicateGroups}</b> duplicate groups
            </li>
            <li>
              <b>{health.summary.mislabeled}</b> likely mislabeled
            </li>
            <li>
              <b>{health.summary.strays}</b> strays
            </li>
            <li>
              <b>{health.summary.smallClasses}</b> classes under 20 images
            </li>
            <li>
              <b>{health.summary.reviewed}</b> reviewed
            </li>
          </ul>
          {health.balance.missing.map((m) => (
            <p key={m.split} className="bad">
              The {m.split.toLowerCase()} split has no {m.labels.join(", ")}.
            </p>
          ))}
          <h3>Map</h3>
          <DatasetMap
            map={health.map}
            labels={dataset.labels}
            highlight={shown ?? highlight}
            selected={selected}
            onSelect={setSelected}
          />
          {canWrite && selected.size > 0 && (
            <BulkImageActions
              count={selected.size}
              ids={async () => [...selected]}
              labels={dataset.labels}
              onDone={async () => {
                setSelected(new Set());
                await mutate();
              }}
              onError={setFailure}
              onClear={() => setSelected(new Set())}
            />
          )}
          <HealthFindings
            datasetId={datasetId}
            health={health}
            labels={dataset.labels}
            canWrite={canWrite}
            act={act}
            showOnMap={(ids) => {
              setShown(new Set(ids));
              document.querySelector(".dataset-map")?.scrollIntoView({ behavior: "smooth" });
            }}
          />
          <h3>Balance</h3>
          <table aria-label="Images per class and split">
            <thead>
              <tr>
                <th>Label</th>
                <th>Train</th>
                <th>Validation</th>
                <th>Test</th>
                <th>Total</th>
              </tr>
            </thead>
            <tbody>
              {health.balance.perClass.map((c) => (
                <tr key={c.label} className={health.balance.smallClasses.includes(c.label) ? "bad" : undefined}>
                  <td>{c.label}</td>
                  <td>{c.train}</td>
                  <td>{c.validation}</td>
                  <td>{c.test}</td>
                  <td>{c.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
