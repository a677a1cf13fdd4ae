"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { graphql } from "../gql";
import type { CheckpointRowFragment } from "../gql/graphql";
import { gql } from "../lib/api";
import { ErrorNote } from "./feedback";

/** What a checkpoint row shows; pages spread it into their queries. */
export const CheckpointRow = graphql(`fragment CheckpointRow on Checkpoint {
  id step labels exportUrl onnxExportUrl onnxExportUnavailable metrics { validationAccuracy testAccuracy } }`);
const Promote = graphql(
  `mutation PromoteCheckpoint($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: "production") { id } }`,
);
const Resume = graphql(`mutation ResumeCheckpoint($e: ID!, $c: ID!) {
  startRun(experimentId: $e, resumeFromCheckpointId: $c, hyperparameters: { epochs: 10 }) { id } }`);

/** A run's checkpoints: download as a TensorFlow.js model, promote to an alias, resume training from. */
export function CheckpointList({
  workspaceId,
  experimentId,
  checkpoints,
  canTrain,
  onChange,
}: {
  workspaceId: string;
  experimentId: string;
  checkpoints: CheckpointRowFragment[];
  canTrain: boolean;
  onChange: () => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  async function promote(id: string) {
    try {
      await gql(Promote, { c: id });
      setMessage("Promoted to production: predictions by alias now use it.");
      onChange();
    } catch (e) {
      setError(e);
    }
  }
  async function resume(id: string) {
    try {
      const { startRun } = await gql(Resume, { e: experimentId, c: id });
      router.push(`/w/${workspaceId}/runs/${startRun.id}`);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" aria-label="Checkpoints">
      <h2>Checkpoints</h2>
      <table>
        <tbody>
          {checkpoints.map((c) => (
            <tr key={c.id}>
              <td>epoch {c.step}</td>
              <td>
                validation{" "}
                {c.metrics?.validationAccuracy != null ? `${(c.metrics.validationAccuracy * 100).toFixed(1)}%` : "—"}
              </td>
              <td className="actions">
                <a href={c.exportUrl} download>
                  Download TensorFlow.js model
                </a>
                {c.onnxExportUrl ? (
                  <a href={c.onnxExportUrl} download>
                    Download ONNX model
                  </a>
                ) : (
                  <span className="muted" title={c.onnxExportUnavailable ?? undefined}>
                    No ONNX download: its base model does not convert ({c.onnxExportUnavailable})
                  </span>
                )}
                {canTrain && (
                  <>
                    <button type="button" onClick={() => void promote(c.id)}>
                      Promote to production
                    </button>
                    <button type="button" className="secondary" onClick={() => void resume(c.id)}>
                      Resume training (10 epochs)
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role="status">{message}</p>}
      <ErrorNote error={error} />
    </section>
  );
}
