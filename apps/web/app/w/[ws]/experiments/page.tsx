"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { BaseModelSelect } from "../../../../components/base-model-select";
import { CustomBaseModels } from "../../../../components/custom-base-models";
import { EmptyState, ErrorNote, Loading } from "../../../../components/feedback";
import { HyperparameterFields, readHyperparameters } from "../../../../components/hyperparameter-fields";
import { useWorkspace } from "../../../../components/workspace-context";
import { graphql } from "../../../../gql";
import { gql, useQuery } from "../../../../lib/api";
import { usePages } from "../../../../lib/use-pages";

const ChoicesQuery = graphql(`query ExperimentChoices($w: ID!) { workspace(id: $w) { datasets { id name } }
  baseModels { id key name cached featureDim custom role benchmark { imagesPerSecond flowersValidationAccuracy } } }`);
const ExperimentsQuery = graphql(`query Experiments($w: ID!, $after: String) { workspace(id: $w) {
  experiments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { id name dataset { name } baseModel { name } summary { runCount bestTestAccuracy } } } } }`);
const CreateExperiment = graphql(`mutation CreateExperiment($d: ID!, $m: ID!, $n: String!, $h: HyperparametersInput) {
  createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: $h) { id } }`);

export default function ExperimentsPage() {
  const workspace = useWorkspace();
  const router = useRouter();
  const { data, error, mutate } = useQuery(ChoicesQuery, { w: workspace.id });
  const pages = usePages(ExperimentsQuery, { w: workspace.id }, (d) => d.workspace.experiments);
  const [createError, setCreateError] = useState<unknown>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const { createExperiment } = await gql(CreateExperiment, {
        d: String(form.get("dataset")),
        m: String(form.get("baseModel")),
        n: String(form.get("name")),
        h: readHyperparameters(form),
      });
      router.push(`/w/${workspace.id}/experiments/${createExperiment.id}`);
    } catch (e) {
      setCreateError(e);
    }
  }

  if (error || pages.error) return <ErrorNote error={error ?? pages.error} />;
  if (!data || pages.loading) return <Loading />;
  const { datasets } = data.workspace;
  const experiments = pages.nodes;
  return (
    <section>
      <h1>Experiments</h1>
      {experiments.length === 0 ? (
        <EmptyState title="No experiments yet">Pick a dataset and a base model below, then start a run.</EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Experiment</th>
              <th>Dataset</th>
              <th>Base model</th>
              <th>Runs</th>
              <th>Best test accuracy</th>
            </tr>
          </thead>
          <tbody>
            {experiments.map((e) => {
              const best = e.summary.bestTestAccuracy ?? -1;
              return (
                <tr key={e.id}>
                  <td>
                    <Link href={`/w/${workspace.id}/experiments/${e.id}`}>{e.name}</Link>
                  </td>
                  <td>{e.dataset.name}</td>
                  <td>{e.baseModel.name}</td>
                  <td>{e.summary.runCount}</td>
                  <td>{best >= 0 ? `${(best * 100).toFixed(1)}%` : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages.hasMore && (
        <button type="button" onClick={() => void pages.loadMore()}>
          Show more
        </button>
      )}
      <CustomBaseModels models={data.baseModels.filter((m) => m.custom)} onChange={() => void mutate()} />
      {workspace.can.write &&
        (datasets.length === 0 ? (
          <p>Create a dataset first: an experiment trains on one.</p>
        ) : (
          <form className="card" onSubmit={create}>
            <h2>New experiment</h2>
            <label>
              Name
              <input name="name" required placeholder="Flowers, MobileNet" />
            </label>
            <label>
              Dataset
              <select name="dataset">
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <BaseModelSelect models={data.baseModels} />
            <HyperparameterFields />
            <ErrorNote error={createError} />
            <button type="submit">Create experiment</button>
          </form>
        ))}
    </section>
  );
}
