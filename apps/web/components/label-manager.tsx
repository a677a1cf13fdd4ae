"use client";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { gql } from "../lib/api";

const CreateLabel = graphql(
  `mutation CreateLabel($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }`,
);
const RenameLabel = graphql(`mutation RenameLabel($id: ID!, $n: String!) { renameLabel(id: $id, name: $n) { id } }`);
const MergeLabels = graphql(`mutation MergeLabels($f: ID!, $i: ID!) { mergeLabels(fromId: $f, intoId: $i) { id } }`);
const DeleteLabel = graphql(`mutation DeleteLabel($id: ID!) { deleteLabel(id: $id) }`);

import { ErrorNote } from "./feedback";

interface Label {
  id: string;
  name: string;
  imageCount: number;
}

/** Create, rename, merge and delete a dataset's labels. */
export function LabelManager({
  datasetId,
  labels,
  onChange,
}: {
  datasetId: string;
  labels: Label[];
  onChange: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const run = async (change: () => Promise<unknown>) => {
    try {
      await change();
      setError(null);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const n = String(new FormData(form).get("name"));
    void run(() => gql(CreateLabel, { d: datasetId, n })).then(() => form.reset());
  }
  return (
    <details className="card">
      <summary>Labels ({labels.length})</summary>
      <table>
        <tbody>
          {labels.map((l) => (
            <tr key={l.id}>
              <td>{l.name}</td>
              <td>{l.imageCount} images</td>
              <td className="actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const n = prompt("New name", l.name);
                    if (n) void run(() => gql(RenameLabel, { id: l.id, n }));
                  }}
                >
                  Rename
                </button>
                <select
                  aria-label={`Merge ${l.name} into`}
                  defaultValue=""
                  onChange={(e) => e.target.value && void run(() => gql(MergeLabels, { f: l.id, i: e.target.value }))}
                >
                  <option value="">Merge into…</option>
                  {labels
                    .filter((o) => o.id !== l.id)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                </select>
                <button
                  type="button"
                  className="link danger"
                  onClick={() =>
                    confirm(`Delete label ${l.name}? Its images become unlabelled.`) &&
                    void run(() => gql(DeleteLabel, { id: l.id }))
                  }
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={create} className="inline">
        <label>
          New label
          <input name="name" required />
        </label>
        <button type="submit">Add label</button>
      </form>
      <ErrorNote error={error} />
    </details>
  );
}
