"use client";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useState } from "react";
import { Comments } from "../../../../../components/comments";
import { Curves } from "../../../../../components/curves";
import { DeleteRunButton, ExperimentActions } from "../../../../../components/experiment-actions";
import { EmptyState, ErrorNote, Loading } from "../../../../../components/feedback";
import { RunComparison } from "../../../../../components/run-comparison";
import { ServingSummary } from "../../../../../components/serving-summary";
import { useWorkspace } from "../../../../../components/workspace-context";
import { graphql } from "../../../../../gql";
import { gql, useQuery } from "../../../../../lib/api";
import { isRunActive } from "../../../../../lib/statuses";
import { usePages } from "../../../../../lib/use-pages";

const ExperimentQuery = graphql(`query Experiment($id: ID!) { experiment(id: $id) { id name dataset { id name }
  baseModel { name } aliases { name checkpoint { id runId } } summary { runCount }
  datasetHealth { stale summary { leakingGroups } duplicates(limit: 50) { crossesSplits images { id } } } } }`);
const RunsQuery = graphql(`query ExperimentRuns($id: ID!, $before: String) { experiment(id: $id) {
  runs(last: 50, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { id status queuedAt
    hyperparameters { epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing }
    metrics { validationAccuracy testAccuracy } epochs { ...EpochPoint } } } } }`);
const StartRun = graphql(`mutation StartRun($e: ID!) { startRun(experimentId: $e) { id } }`);
const SHOWN_HYPER = ["epochs", "batchSize", "learningRate", "hiddenUnits", "dropout", "l2", "labelSmoothing"] as const;
const pct = (v: number | null | undefined) => (typeof v === "number" ? `${(v * 100).toFixed(1)}%` : "—");

/** Runs side by side: hyperparameters, metrics and validation curves overlaid; start a run; comments. */
export default function ExperimentPage() {
  const { id } = useParams<{ id: string }>();
  const workspace = useWorkspace();
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const [warning, setWarning] = useState(false);
  const { data, error: loadError, mutate } = useQuery(ExperimentQuery, { id });
  // The newest runs first, earlier ones on request; refreshed every second while one is under way.
  const runs = usePages(RunsQuery, { id }, (d) => d.experiment.runs, {
    backward: true,
    refreshInterval: (pages) =>
      pages?.some((p) => p.experiment.runs.nodes.some((r) => isRunActive(r.status))) ? 1000 : 0,
  });
  const refresh = () => {
    void mutate();
    void runs.mutate();
  };
  if (loadError || runs.error) return <ErrorNote error={loadError ?? runs.error} />;
  if (!data || runs.loading) return <Loading />;
  const { experiment } = data;
  const canTrain = workspace.can.train;

  const leaking = experiment.datasetHealth?.summary.leakingGroups ?? 0;
  const leakingImages = (experiment.datasetHealth?.duplicates ?? [])
    .filter((d) => d.crossesSplits)
    .flatMap((d) => d.images.map((i) => i.id));
  async function startRun(confirmed = false) {
    // Copies across splits make the evaluation score images the head trained on: say so before it starts.
    if (leaking > 0 && !confirmed) return setWarning(true);
    setWarning(false);
    try {
      const { startRun } = await gql(StartRun, { e: experiment.id });
      router.push(`/w/${workspace.id}/runs/${startRun.id}`);
    } catch (e) {
      setError(e);
    }
  }
  // Runs are numbered from the experiment's first, though only the newest pages are loaded.
  const firstNumber = Math.max(1, experiment.summary.runCount - runs.nodes.length + 1);
  const runName = (i: number) => `Run ${firstNumber + i}`;
  return (
    <section>
      <h1>{experiment.name}</h1>
      <p className="muted">
        Dataset <Link href={`/w/${workspace.id}/datasets/${experiment.dataset.id}`}>{experiment.dataset.name}</Link> ·
        base model {experiment.baseModel.name}
        {experiment.aliases.map((a) => (
          <span key={a.name} className="badge">
            {a.name}
          </span>
        ))}
      </p>
      <ExperimentActions experiment={experiment} onChange={refresh} />
      {canTrain && (
        <button type="button" onClick={() => void startRun()}>
          Start a run
        </button>
      )}
      {warning && (
        <div className="card" role="alert" aria-label="Leakage warning">
          <p>
            <b>
              {leaking} {leaking === 1 ? "group" : "groups"} of near-duplicate images span splits
            </b>
            : the evaluation would score copies of images the head trained on, and flatter it.
          </p>
          <Link
            href={`/w/${workspace.id}/datasets/${experiment.dataset.id}?tab=health&highlight=${leakingImages.join(",")}`}
          >
            Review them in the dataset's health
          </Link>{" "}
          <button type="button" className="secondary" onClick={() => void startRun(true)}>
            Start anyway
          </button>
        </div>
      )}
      <ErrorNote error={error} />
      {runs.nodes.length === 0 ? (
        <EmptyState title="No runs yet">
          {canTrain
            ? "Start a run: missing vectors are extracted first, then the head trains."
            : "A member of the workspace can start one."}
        </EmptyState>
      ) : (
        <>
          {runs.hasMore && (
            <button type="button" className="secondary" onClick={() => void runs.loadMore()}>
              Show earlier runs
            </button>
          )}
          <div className="scroll-x">
            <table aria-label="Runs compared">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Status</th>
                  {SHOWN_HYPER.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                  <th>Validation</th>
                  <th>Test</th>
                  {canTrain && <th>Actions</th>}
                </tr>
              </thead>
              <tbody>
                {runs.nodes.map((r, i) => (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/w/${workspace.id}/runs/${r.id}`}>{runName(i)}</Link>
                    </td>
                    <td>
                      <span className={`status status-${r.status}`}>{r.status.toLowerCase()}</span>
                    </td>
                    {SHOWN_HYPER.map((h) => (
                      <td key={h}>{r.hyperparameters[h]}</td>
                    ))}
                    <td>{pct(r.metrics?.validationAccuracy)}</td>
                    <td>{pct(r.metrics?.testAccuracy)}</td>
                    {canTrain && (
                      <td>
                        {!isRunActive(r.status) && (
                          <DeleteRunButton runId={r.id} label={runName(i)} onDeleted={refresh} />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {runs.nodes.filter((r) => r.status === "SUCCEEDED").length >= 2 && (
            <RunComparison
              runs={runs.nodes.flatMap((r, i) => (r.status === "SUCCEEDED" ? [{ id: r.id, name: runName(i) }] : []))}
            />
          )}
          <div className="charts">
            <Curves
              title="Validation accuracy, runs overlaid"
              metrics={["validationAccuracy"]}
              series={runs.nodes.map((r, i) => ({ name: runName(i), epochs: r.epochs }))}
            />
            <Curves
              title="Training loss, runs overlaid"
              metrics={["trainLoss"]}
              series={runs.nodes.map((r, i) => ({ name: runName(i), epochs: r.epochs }))}
            />
          </div>
        </>
      )}
      {experiment.aliases.length > 0 && (
        <ServingSummary experimentId={experiment.id} aliases={experiment.aliases.map((a) => a.name)} />
      )}
      <Comments experimentId={experiment.id} canWrite={canTrain} />
    </section>
  );
}
