"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { graphql } from "../gql";
import { gql } from "../lib/api";
import { ErrorNote } from "./feedback";
import { useWorkspace } from "./workspace-context";

const UpdateExperiment = graphql(
  `mutation UpdateExperiment($id: ID!, $n: String) { updateExperiment(id: $id, name: $n) { name } }`,
);
const DeleteExperiment = graphql(`mutation DeleteExperiment($id: ID!) { deleteExperiment(id: $id) }`);
const RemoveAlias = graphql(`mutation RemoveAlias($e: ID!, $a: String!) { removeAlias(experimentId: $e, alias: $a) }`);
const DeleteRun = graphql(`mutation DeleteRun($id: ID!) { deleteRun(id: $id) }`);

interface Props {
  experiment: { id: string; name: string; aliases: { name: string }[] };
  onChange: () => void;
}

/** Rename or delete the experiment, remove its aliases: each destructive step asks first. */
export function ExperimentActions({ experiment, onChange }: Props) {
  const workspace = useWorkspace();
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const act = async (change: () => Promise<unknown>, then: () => void = onChange) => {
    try {
      await change();
      setError(null);
      then();
    } catch (e) {
      setError(e);
    }
  };
  if (!workspace.can.write) return null;
  return (
    <div className="toolbar" role="toolbar" aria-label="Experiment actions">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const n = prompt("New name", experiment.name);
          if (n) void act(() => gql(UpdateExperiment, { id: experiment.id, n }));
        }}
      >
        Rename
      </button>
      {experiment.aliases.map((a) => (
        <button
          key={a.name}
          type="button"
          className="link danger"
          onClick={() =>
            confirm(`Remove the ${a.name} alias? Predictions by it stop until a checkpoint is promoted again.`) &&
            void act(() => gql(RemoveAlias, { e: experiment.id, a: a.name }))
          }
        >
          Remove alias {a.name}
        </button>
      ))}
      {workspace.can.destroy && (
        <button
          type="button"
          className="danger"
          onClick={() =>
            confirm(`Delete ${experiment.name} with all its runs and checkpoints?`) &&
            void act(
              () => gql(DeleteExperiment, { id: experiment.id }),
              () => router.push(`/w/${workspace.id}/experiments`),
            )
          }
        >
          Delete experiment
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

/** A finished run's delete button (not one behind an alias: the API says which alias to move first). */
export function DeleteRunButton({ runId, label, onDeleted }: { runId: string; label: string; onDeleted: () => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="link danger"
        aria-label={`Delete ${label}`}
        onClick={() =>
          confirm(`Delete ${label} and its checkpoints?`) &&
          void gql(DeleteRun, { id: runId }).then(onDeleted, setError)
        }
      >
        Delete
      </button>
      <ErrorNote error={error} />
    </>
  );
}
