"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";
import { CheckpointList } from "../../../../../components/checkpoint-list";
import { Curves, type Epoch } from "../../../../../components/curves";
import { type Evaluation, EvaluationView } from "../../../../../components/evaluation-view";
import { ErrorNote, Loading, ProgressBar } from "../../../../../components/feedback";
import { useWorkspace } from "../../../../../components/workspace-context";
import { can, gql, useQuery } from "../../../../../lib/api";

interface Data {
  run: {
    id: string;
    experimentId: string;
    status: string;
    error: string | null;
    hyperparameters: { epochs: number };
    resumedFromId: string | null;
    extraction: {
      status: string;
      backend: string | null;
      progress: { done: number; total: number; imagesPerSecond: number | null; etaSeconds: number | null };
    } | null;
    epochs: Epoch[];
    evaluation: Evaluation | null;
    checkpoints: {
      id: string;
      step: number;
      labels: string[];
      metrics: { validationAccuracy?: number | null } | null;
      exportUrl: string;
    }[];
  };
}
const QUERY = `query($id: ID!) { run(id: $id) { id experimentId status error hyperparameters resumedFromId
  extraction { status backend progress { done total imagesPerSecond etaSeconds } }
  epochs { epoch trainLoss trainAccuracy validationLoss validationAccuracy }
  evaluation checkpoints { id step labels metrics exportUrl } } }`;
const ACTIVE = ["QUEUED", "EXTRACTING", "TRAINING"];

/** One run, live while it runs: extraction bar, epoch bar and curves; then its evaluation and checkpoints. */
export default function RunPage() {
  const { id } = useParams<{ id: string }>();
  const workspace = useWorkspace();
  const [error, setError] = useState<unknown>(null);
  const {
    data,
    error: loadError,
    mutate,
  } = useQuery<Data>(
    QUERY,
    { id },
    {
      refreshInterval: (latest) => (!latest || ACTIVE.includes(latest.run.status) ? 1000 : 0),
    },
  );
  if (loadError) return <ErrorNote error={loadError} />;
  if (!data) return <Loading />;
  const { run } = data;
  const active = ACTIVE.includes(run.status);
  const canTrain = can(workspace.role, "MEMBER");
  const x = run.extraction?.progress;
  async function cancel() {
    try {
      await gql("mutation($id: ID!) { cancelRun(id: $id) { id } }", { id: run.id });
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
          max={Math.max(run.hyperparameters.epochs, run.epochs.length)}
          label="Epochs trained"
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
          labels={run.checkpoints[0]?.labels ?? run.evaluation.perClass.map((c) => c.label)}
        />
      )}
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
