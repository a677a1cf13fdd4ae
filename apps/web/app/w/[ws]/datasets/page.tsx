"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { EmptyState, ErrorNote, Loading } from "../../../../components/feedback";
import { useWorkspace } from "../../../../components/workspace-context";
import { graphql } from "../../../../gql";
import { gql, useQuery } from "../../../../lib/api";

const DatasetsQuery = graphql(`query Datasets($w: ID!) { workspace(id: $w) { datasets { id name description
  labels { name imageCount } splitCounts { train validation test unlabelled } } } }`);
const CreateDataset = graphql(`mutation CreateDataset($w: ID!, $name: String!) {
  createDataset(workspaceId: $w, name: $name) { id } }`);

export default function DatasetsPage() {
  const workspace = useWorkspace();
  const { data, error, mutate } = useQuery(DatasetsQuery, { w: workspace.id });
  const [createError, setCreateError] = useState<unknown>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await gql(CreateDataset, {
        w: workspace.id,
        name: String(new FormData(form).get("name")),
      });
      form.reset();
      setCreateError(null);
      await mutate();
    } catch (e) {
      setCreateError(e);
    }
  }

  return (
    <section>
      <h1>Datasets</h1>
      {workspace.can.write && (
        <form onSubmit={create} className="inline card">
          <label>
            New dataset
            <input name="name" required placeholder="Flowers" />
          </label>
          <button type="submit">Create dataset</button>
          <ErrorNote error={createError} />
        </form>
      )}
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.workspace.datasets.length === 0 && (
        <EmptyState title="No datasets yet">
          Create one, then drop a folder of images or a zip with one folder per class onto it.
        </EmptyState>
      )}
      <div className="grid-cards">
        {data?.workspace.datasets.map((d) => {
          const s = d.splitCounts;
          return (
            <Link key={d.id} href={`/w/${workspace.id}/datasets/${d.id}`} className="card dataset-card">
              <h2>{d.name}</h2>
              <p className="muted">
                {s.train + s.validation + s.test} images · train {s.train} · validation {s.validation} · test {s.test}
                {s.unlabelled > 0 && ` · ${s.unlabelled} unlabelled`}
              </p>
              <ul className="chips">
                {d.labels.map((l) => (
                  <li key={l.name}>
                    {l.name} <b>{l.imageCount}</b>
                  </li>
                ))}
              </ul>
            </Link>
          );
        })}
      </div>
    </section>
  );
}
