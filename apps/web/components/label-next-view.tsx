"use client";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../gql";
import { gql, useQuery } from "../lib/api";
import { actionOfKey, LABELLING_KEYS } from "../lib/labelling-keys";
import { ErrorNote, Loading } from "./feedback";
import { LabellingSourcePicker, useLabellingSources } from "./labelling-source";

const Next = graphql(`query LabelNext($d: ID!, $c: ID, $m: ID) { dataset(id: $d) { id
  labelNext(checkpointId: $c, baseModelId: $m, first: 40) { image { id originalName thumbnailUrl } doubt label confidence } } }`);
const SetLabel = graphql(`mutation SetLabels($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }`);
const AcceptAll = graphql(`mutation AcceptSuggested($d: ID!, $c: ID!, $p: Float!) {
  acceptSuggestedLabels(datasetId: $d, checkpointId: $c, minConfidence: $p) { label count } }`);

interface Label {
  id: string;
  name: string;
}

/**
 * Labelling by keyboard, in the order that helps the head most (`labelNext`): one large image with its
 * neighbours, the checkpoint's suggestion, 1-9 for labels, Enter to accept, arrows, Space to select, u, z, ?.
 * Every key has a button too. A finished batch brings the next.
 */
export function LabelNextView({
  datasetId,
  labels,
  onChange,
}: {
  datasetId: string;
  labels: Label[];
  onChange: () => void;
}) {
  const { sources, error: sourceError } = useLabellingSources(datasetId);
  const [sourceIndex, setSourceIndex] = useState(0);
  const source = sources[sourceIndex];
  const { data, error, mutate } = useQuery(
    source ? Next : null,
    { d: datasetId, c: source?.checkpointId ?? null, m: source?.checkpointId ? null : (source?.baseModelId ?? null) },
    { revalidateOnFocus: false },
  );
  const [cursor, setCursor] = useState(0);
  const [given, setGiven] = useState<Map<string, string | null>>(new Map());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [undo, setUndo] = useState<{ ids: string[]; before: (string | null)[] }[]>([]);
  const [help, setHelp] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  // Between two batches nothing shows: a key pressed then would land on the finished batch.
  const [reloading, setReloading] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  const items = (data?.dataset?.labelNext ?? []).filter((s) => s.image);
  const current = reloading ? undefined : items[Math.min(cursor, items.length - 1)];
  // Focus goes to the image once one shows, so the keys work without a click.
  const showing = Boolean(current?.image);
  useEffect(() => {
    if (showing) region.current?.focus();
  }, [showing]);

  async function give(ids: string[], labelId: string | null, advance: boolean) {
    setUndo((u) => [...u, { ids, before: ids.map((id) => given.get(id) ?? null) }]);
    await apply(ids.map((id) => [id, labelId]));
    setSelected(new Set());
    if (advance) await move(1);
  }
  async function apply(changes: [string, string | null][]) {
    setActionError(null);
    for (const labelId of new Set(changes.map(([, l]) => l)))
      await gql(SetLabel, { ids: changes.filter(([, l]) => l === labelId).map(([id]) => id), l: labelId });
    setGiven((g) => new Map([...g, ...changes]));
    onChange();
  }
  async function move(step: number) {
    const next = cursor + step;
    if (next >= items.length) {
      // The batch is done: the next one leaves out what was just labelled.
      setReloading(true);
      try {
        await mutate();
      } finally {
        setCursor(0);
        setGiven(new Map());
        setReloading(false);
      }
    } else setCursor(Math.max(0, next));
  }

  async function onKey(event: React.KeyboardEvent) {
    const action = actionOfKey(event, labels.length);
    if (!action || !current?.image) return;
    event.preventDefault();
    const id = current.image.id;
    const targets = selected.size > 0 ? [...selected] : [id];
    try {
      if (action.kind === "label") await give(targets, labels[action.index]?.id ?? null, true);
      else if (action.kind === "accept") {
        const suggested = labels.find((l) => l.name === current.label);
        if (suggested) await give([id], suggested.id, true);
      } else if (action.kind === "next") await move(1);
      else if (action.kind === "previous") await move(-1);
      else if (action.kind === "select")
        setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
      else if (action.kind === "unlabel") await give(targets, null, false);
      else if (action.kind === "undo") {
        const last = undo.at(-1);
        if (last) {
          setUndo((u) => u.slice(0, -1));
          await apply(last.ids.map((x, i) => [x, last.before[i] ?? null]));
        }
      } else if (action.kind === "help") setHelp((h) => !h);
    } catch (e) {
      setActionError(e);
    }
  }

  if (error || sourceError) return <ErrorNote error={error ?? sourceError} />;
  if (sources.length === 0)
    return (
      <p className="muted">
        Train an experiment on this dataset first: its checkpoint orders and pre-labels the images.
      </p>
    );
  if (!data) return <Loading />;
  const nameOf = (labelId: string | null | undefined) => labels.find((l) => l.id === labelId)?.name;
  return (
    <section aria-label="Label by keyboard">
      <div className="inline">
        <LabellingSourcePicker sources={sources} value={sourceIndex} onChange={setSourceIndex} />
        {source?.checkpointId && (
          <button
            type="button"
            onClick={() =>
              void gql(AcceptAll, { d: datasetId, c: source.checkpointId ?? "", p: 0.95 }).then(() => {
                onChange();
                return mutate();
              }, setActionError)
            }
          >
            Accept all suggestions ≥ 95%
          </button>
        )}
        <button type="button" className="link" onClick={() => setHelp((h) => !h)}>
          Keys (?)
        </button>
      </div>
      <ErrorNote error={actionError} />
      {help && (
        <dl className="card keys" aria-label="Labelling keys">
          {LABELLING_KEYS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      )}
      {reloading ? (
        <Loading />
      ) : !current?.image ? (
        <p className="muted">
          Nothing left to label with vectors for this model (a run or a health check computes them).
        </p>
      ) : (
        <div
          ref={region}
          className="labelling card"
          // Keys are read while this has focus: a widget of its own, as a screen reader should treat it.
          role="application"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: an application role is a widget; focus is where its keys go
          tabIndex={0}
          onKeyDown={(e) => void onKey(e)}
          aria-label="Image to label; press ? for the keys"
        >
          <figure>
            {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
            <img src={current.image.thumbnailUrl} alt={current.image.originalName} width={320} height={320} />
            <figcaption>
              {current.image.originalName} · {cursor + 1} of {items.length}
              {given.has(current.image.id) && (
                <strong> · labelled {nameOf(given.get(current.image.id)) ?? "none"}</strong>
              )}
              {current.label && ` · suggests ${current.label} (${Math.round((current.confidence ?? 0) * 100)}%)`}
            </figcaption>
          </figure>
          <ol className="label-keys">
            {labels.slice(0, 9).map((l, i) => (
              <li key={l.id}>
                <button type="button" onClick={() => void give([current.image?.id ?? ""], l.id, true)}>
                  <kbd>{i + 1}</kbd> {l.name}
                </button>
              </li>
            ))}
          </ol>
          <ul className="neighbours" aria-label="Next images">
            {items.slice(cursor + 1, cursor + 7).map((s) => (
              <li key={s.image?.id} className={selected.has(s.image?.id ?? "") ? "selected" : undefined}>
                {/* biome-ignore lint/performance/noImgElement: as above */}
                <img src={s.image?.thumbnailUrl} alt={s.image?.originalName} width={72} height={72} />
              </li>
            ))}
          </ul>
          <p role="status" className="muted">
            {given.size} labelled in this batch{selected.size > 0 ? ` · ${selected.size} selected` : ""}
          </p>
        </div>
      )}
    </section>
  );
}
