"use client";
import { type FormEvent, useState } from "react";
import { gql } from "../lib/api";
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
  const run = async (query: string, variables: Record<string, unknown>) => {
    try {
      await gql(query, variables);
      setError(null);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    void run("mutation($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }", {
      d: datasetId,
      n: String(new FormData(form).get("name")),
    }).then(() => form.reset());
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
                    if (n)
                      void run("mutation($id: ID!, $n: String!) { renameLabel(id: $id, name: $n) { id } }", {
                        id: l.id,
                        n,
                      });
                  }}
                >
                  Rename
                </button>
                <select
                  aria-label={`Merge ${l.name} into`}
                  defaultValue=""
                  onChange={(e) =>
                    e.target.value &&
                    void run("mutation($f: ID!, $i: ID!) { mergeLabels(fromId: $f, intoId: $i) { id } }", {
                      f: l.id,
                      i: e.target.value,
                    })
                  }
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
                    void run("mutation($id: ID!) { deleteLabel(id: $id) }", { id: l.id })
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
