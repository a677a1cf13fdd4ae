"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useRef, useState } from "react";
import { CalibrationView } from "../../../../../components/calibration-view";
import { CheckpointList } from "../../../../../components/checkpoint-list";
import { Curves } from "../../../../../components/curves";
import { EvaluationView } from "../../../../../components/evaluation-view";
import { ErrorNote, Loading, ProgressBar } from "../../../../../components/feedback";
import { useWorkspace } from "../../../../../components/workspace-context";
import { graphql } from "../../../../../gql";
import { gql, useQuery } from "../../../../../lib/api";
import { type LiveState, useSubscription } from "../../../../../lib/live";
import { isRunActive } from "../../../../../lib/statuses";

const RunQuery = graphql(`query Run($id: ID!) { run(id: $id) { ...RunDetails } }`);
// Its fields are spread into the query and the subscription above (codegen inlines the fragment).
graphql(`fragment RunDetails on TrainingRun { id experimentId status error resumedFromId
  hyperparameters { epochs }
  extraction { status backend progress { done total imagesPerSecond etaSeconds } }
  epochs { ...EpochPoint } metrics { evaluatedOn stoppedEarly }
  evaluation { ...EvaluationDetails } checkpoints { ...CheckpointRow } }`);
const RunProgress = graphql(`subscription RunProgress($id: ID!) { runProgress(id: $id) { ...RunDetails } }`);
const RunDataset = graphql(`query RunDataset($e: ID!) { experiment(id: $e) { datasetId } }`);
const CancelRun = graphql(`mutation CancelRun($id: ID!) { cancelRun(id: $id) { id } }`);

/** One run, live while it runs: extraction bar, epoch bar and curves; then its evaluation and checkpoints. */
export default function RunPage() {
  const { id } = useParams<{ id: string }>();
  const workspace = useWorkspace();
  const [error, setError] = useState<unknown>(null);
  const liveState = useRef<LiveState>("connecting");
  const {
    data,
    error: loadError,
    mutate,
  } = useQuery(
    RunQuery,
    { id },
    // Polled only while the run is active and its live updates cannot arrive over the WebSocket.
    {
      refreshInterval: (latest) =>
        liveState.current !== "live" && (!latest || isRunActive(latest.run.status)) ? 1000 : 0,
    },
  );
  const running = !data || isRunActive(data.run.status);
  const live = useSubscription(running ? RunProgress : null, { id }, (update) =>
    mutate({ run: update.runProgress }, { revalidate: false }),
  );
  liveState.current = live;
  // Where the evaluation's images sit on the dataset map.
  const dataset = useQuery(data ? RunDataset : null, { e: data?.run.experimentId ?? "" }).data?.experiment.datasetId;
  if (loadError) return <ErrorNote error={loadError} />;
  if (!data) return <Loading />;
  const { run } = data;
  const active = isRunActive(run.status);
  const canTrain = workspace.can.train;
  const x = run.extraction?.progress;
  async function cancel() {
    try {
      await gql(CancelRun, { id: run.id });
      await mutate();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section>
      <p>
        <Link href={`/w/${workspace.id}/experiments/${run.experimentId}`}>← Experiment</Link>
      </p>
      <h1>
        Run{" "}
        <span className={`status status-${run.status}`} role="status" aria-label="Run status">
          {run.status.toLowerCase()}
        </span>
      </h1>
      {active && (
        <p className="muted" data-testid="updates">
          {live === "live" ? "Live: updates as they happen." : "Refreshing every second."}
        </p>
      )}
      {run.resumedFromId && <p className="muted">Continues a checkpoint of an earlier run.</p>}
      {run.extraction?.backend && (
        <p className="muted">
          Base model ran on{" "}
          <strong>
            {run.extraction.backend === "onnxruntime"
              ? "ONNX Runtime (native)"
              : `TensorFlow.js (${run.extraction.backend})`}
          </strong>
          .
        </p>
      )}
      {run.error && (
        <p className="error" role="alert">
          {run.error}
        </p>
      )}
      {active && canTrain && (
        <button type="button" className="danger" onClick={cancel}>
          Cancel run
        </button>
      )}
      <ErrorNote error={error} />
      {x && x.total > 0 && (
        <ProgressBar
          value={x.done}
          max={x.total}
          label={`Extracting bottlenecks${x.imagesPerSecond ? ` · ${x.imagesPerSecond.toFixed(1)} images/s` : ""}${x.etaSeconds ? ` · ${Math.ceil(x.etaSeconds)} s left` : ""}`}
        />
      )}
      {(run.status === "TRAINING" || run.epochs.length > 0) && (
        <ProgressBar
          value={run.epochs.length}
          // Early stopping ends a run before its last epoch on purpose: that run is complete, and says why.
          max={run.metrics?.stoppedEarly ? run.epochs.length : Math.max(run.hyperparameters.epochs, run.epochs.length)}
          label={
            run.metrics?.stoppedEarly
              ? `Epochs trained · stopped early after ${run.epochs.length} of ${run.hyperparameters.epochs}: validation loss stopped improving`
              : "Epochs trained"
          }
        />
      )}
      {run.epochs.length > 0 && (
        <div className="charts">
          <Curves
            title="Loss per epoch"
            metrics={["trainLoss", "validationLoss"]}
            series={[{ name: "", epochs: run.epochs }]}
          />
          <Curves
            title="Accuracy per epoch"
            metrics={["trainAccuracy", "validationAccuracy"]}
            series={[{ name: "", epochs: run.epochs }]}
          />
        </div>
      )}
      {run.evaluation && (
        <EvaluationView
          evaluation={run.evaluation}
          split={run.metrics?.evaluatedOn ?? null}
          mapHref={
            dataset
              ? (ids) => `/w/${workspace.id}/datasets/${dataset}?tab=health&highlight=${ids.join(",")}`
              : undefined
          }
        />
      )}
      {run.checkpoints.length > 0 && <CalibrationView runId={run.id} canTrain={canTrain} />}
      {run.checkpoints.length > 0 && (
        <CheckpointList
          workspaceId={workspace.id}
          experimentId={run.experimentId}
          checkpoints={run.checkpoints}
          canTrain={canTrain}
          onChange={() => void mutate()}
        />
      )}
    </section>
  );
}
