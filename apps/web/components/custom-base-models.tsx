"use client";
import { useState } from "react";
import { graphql } from "../gql";
import { gql } from "../lib/api";
import { ErrorNote } from "./feedback";
import { useWorkspace } from "./workspace-context";

const DeleteBaseModel = graphql(`mutation DeleteBaseModel($id: ID!) { deleteBaseModel(id: $id) }`);

/** The workspace's own base models; admins delete those no experiment uses (the API says when one does). */
export function CustomBaseModels({
  models,
  onChange,
}: {
  models: { id: string; name: string; featureDim: number }[];
  onChange: () => void;
}) {
  const workspace = useWorkspace();
  const [error, setError] = useState<unknown>(null);
  if (models.length === 0) return null;
  return (
    <section className="card" aria-label="Your base models">
      <h2>Your base models</h2>
      <ul className="plain">
        {models.map((m) => (
          <li key={m.id}>
            {m.name} <span className="muted">({m.featureDim}-d vectors)</span>{" "}
            {workspace.can.destroy && (
              <button
                type="button"
                className="link danger"
                onClick={() =>
                  confirm(`Delete the base model ${m.name} and its files?`) &&
                  void gql(DeleteBaseModel, { id: m.id }).then(onChange, setError)
                }
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
