"use client";
import { useState } from "react";
import { EmptyState, ErrorNote, Loading } from "../../../../components/feedback";
import { ServedPredictions } from "../../../../components/served-predictions";
import { useWorkspace } from "../../../../components/workspace-context";
import { graphql } from "../../../../gql";
import type { PredictMutation } from "../../../../gql/graphql";
import { fileToBase64, gql, useQuery } from "../../../../lib/api";

const TargetsQuery =
  graphql(`query PredictTargets($w: ID!) { workspace(id: $w) { keepServedImages experiments(first: 50) {
  nodes { id name aliases { name } runs(last: 5) { nodes { id checkpoints { id step } } } } } } }`);
const Predict = graphql(`mutation Predict($c: ID, $e: ID, $alias: String, $img: PredictImageInput!, $keep: Boolean) {
  predict(checkpointId: $c, experimentId: $e, alias: $alias, images: [$img], topK: 5, keep: $keep) {
    checkpointId latencyMs kept results { name error unknown unknownReason calibrated top { label probability }
      evidence { label distance image { id thumbnailUrl originalName } } } } }`);

const WHY: Record<string, string> = {
  LOW_CONFIDENCE: "its confidence is under the threshold chosen for this model",
  FAR_FROM_TRAINING: "it looks like none of the classes it was trained on",
};

/** Drop an image, pick a checkpoint or an alias, see the top-5 labels as bars. */
export default function PredictPage() {
  const workspace = useWorkspace();
  const { data, error } = useQuery(TargetsQuery, { w: workspace.id });
  const [target, setTarget] = useState("");
  const [answer, setAnswer] = useState<PredictMutation["predict"] | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // Bumped after each prediction: the list below shows it once the API has logged it.
  const [served, setServed] = useState(0);
  const [keep, setKeep] = useState(false);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const options = data.workspace.experiments.nodes.flatMap((e) => [
    ...e.aliases.map((a) => ({ value: `alias:${e.id}:${a.name}`, text: `${e.name} — ${a.name}` })),
    ...e.runs.nodes.flatMap((r, i) =>
      r.checkpoints.map((c) => ({ value: `checkpoint:${c.id}`, text: `${e.name} — run ${i + 1}, epoch ${c.step}` })),
    ),
  ]);
  if (options.length === 0)
    return <EmptyState title="Nothing to predict with yet">Train a run first: its checkpoint appears here.</EmptyState>;
  const chosen = target || (options[0]?.value ?? "");

  async function predict(file: File | undefined) {
    if (!file) return;
    setPreview(URL.createObjectURL(file));
    setAnswer(null);
    setFailure(null);
    const [kind, a, b] = chosen.split(":");
    try {
      const { predict } = await gql(Predict, {
        c: kind === "alias" ? null : (a ?? null),
        e: kind === "alias" ? (a ?? null) : null,
        alias: kind === "alias" ? (b ?? null) : null,
        img: { name: file.name, base64: await fileToBase64(file) },
        keep,
      });
      setAnswer(predict);
      setTimeout(() => setServed((n) => n + 1), 1000);
    } catch (e) {
      setFailure(e);
    }
  }
  const result = answer?.results[0];
  return (
    <section>
      <h1>Predict</h1>
      <label>
        Model
        <select value={chosen} onChange={(e) => setTarget(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </select>
      </label>
      {data.workspace.keepServedImages && (
        <label className="check">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
          Keep the image for review if the model is unsure
        </label>
      )}
      <label
        className="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void predict(e.dataTransfer.files[0]);
        }}
      >
        <span>Drop an image here, or click to choose one</span>
        <input
          type="file"
          accept="image/*"
          aria-label="Image to classify"
          onChange={(e) => void predict(e.target.files?.[0])}
        />
      </label>
      <ErrorNote error={failure} />
      <div className="two-col">
        {/* biome-ignore lint/performance/noImgElement: a local preview (blob URL) of the user's own file */}
        {preview && <img src={preview} alt="Being classified" className="preview" />}
        {result?.error && (
          <p className="error" role="alert">
            {result.error}
          </p>
        )}
        {result && !result.error && (
          <figure aria-label="Top predictions">
            {result.unknown && (
              <p className="unknown" role="status">
                <b>Don't know</b>: {WHY[result.unknownReason ?? ""] ?? "it is unsure"}. Its guesses:
              </p>
            )}
            <ol className="bars">
              {result.top.map((t) => (
                <li key={t.label}>
                  <span>{t.label}</span>
                  <meter min={0} max={1} value={t.probability} aria-label={`${t.label} probability`} />
                  <b>{(t.probability * 100).toFixed(1)}%</b>
                </li>
              ))}
            </ol>
            <figcaption className="muted">
              {answer?.latencyMs.toFixed(0)} ms · {result.calibrated ? "calibrated probabilities" : "not calibrated"}
            </figcaption>
          </figure>
        )}
        {result && result.evidence.length > 0 && (
          <section aria-label="Nearest training images">
            <h3>Nearest training images</h3>
            <ul className="thumbs">
              {result.evidence.map((e) => (
                <li key={e.image?.id ?? e.distance}>
                  {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
                  <img
                    src={e.image?.thumbnailUrl ?? ""}
                    alt={e.image?.originalName ?? "deleted"}
                    width={96}
                    height={96}
                  />
                  <span className="caption">
                    {e.label ?? "unlabelled"} · distance {e.distance.toFixed(2)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <ServedPredictions workspaceId={workspace.id} version={served} />
    </section>
  );
}
