"use client";
import { useState } from "react";
import { graphql } from "../gql";
import { gql, useQuery } from "../lib/api";
import { ErrorNote } from "./feedback";
import { useWorkspace } from "./workspace-context";

const KeepQuery = graphql(`query KeepServedImages($w: ID!) { workspace(id: $w) { id keepServedImages } }`);
const SetKeep = graphql(`mutation SetKeepServedImages($w: ID!, $k: Boolean!) {
  setKeepServedImages(workspaceId: $w, keep: $k) { id keepServedImages } }`);

/** Whether served images may be kept for the review queue (owners decide; off until they do). */
export function KeepServedImages() {
  const workspace = useWorkspace();
  const { data, mutate } = useQuery(KeepQuery, { w: workspace.id });
  const [error, setError] = useState<unknown>(null);
  if (!data) return null;
  const owner = workspace.can.manageWorkspace;
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={data.workspace.keepServedImages}
          disabled={!owner}
          onChange={(e) =>
            void gql(SetKeep, { w: workspace.id, k: e.target.checked })
              .then(() => mutate())
              .catch(setError)
          }
        />
        Keep images sent for prediction when the caller asks (keep: true), for the review queue
      </label>
      <ErrorNote error={error} />
    </>
  );
}
