"use client";
import { graphql } from "../gql";
import type { HealthFindingsFragment } from "../gql/graphql";
import { gql } from "../lib/api";

graphql(`fragment HealthFindings on DatasetHealth {
  duplicates { key crossesSplits maxDistance images { id originalName split thumbnailUrl } }
  mislabeled { key givenLabelId suggestedLabelId givenProbability suggestedProbability
    image { id originalName split thumbnailUrl } }
  strays { key score image { id originalName split thumbnailUrl labelId } } }`);
const KeepOnly = graphql(`mutation KeepOnly($ids: [ID!]!) { deleteImages(ids: $ids) }`);
const MoveGroup = graphql(`mutation MoveGroup($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }`);
const AcceptLabel = graphql(`mutation AcceptLabel($id: ID!, $l: ID) { updateImages(ids: [$id], labelId: $l) { id } }`);
const Reviewed = graphql(`mutation MarkReviewed($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }`);

const pct = (v: number) => `${Math.round(v * 100)}%`;

function Thumb({ image, caption }: { image: { thumbnailUrl: string; originalName: string }; caption: string }) {
  return (
    <figure className="thumb">
      {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
      <img src={image.thumbnailUrl} alt={image.originalName} width={96} height={96} loading="lazy" />
      <figcaption className="caption">{caption}</figcaption>
    </figure>
  );
}

/** Each finding with its thumbnails side by side and its one-click fixes; `act` refreshes the report after. */
export function HealthFindings({
  datasetId,
  health,
  labels,
  canWrite,
  act,
  showOnMap,
}: {
  datasetId: string;
  health: HealthFindingsFragment;
  labels: { id: string; name: string }[];
  canWrite: boolean;
  act: (change: Promise<unknown>) => void;
  showOnMap: (ids: string[]) => void;
}) {
  const name = (id: string | null) => labels.find((l) => l.id === id)?.name ?? "unlabelled";
  const reviewed = (key: string) =>
    canWrite && (
      <button type="button" className="secondary" onClick={() => act(gql(Reviewed, { d: datasetId, k: key }))}>
        Mark reviewed
      </button>
    );
  const onMap = (ids: string[]) => (
    <button type="button" className="link" onClick={() => showOnMap(ids)}>
      Show on map
    </button>
  );
  return (
    <>
      <section aria-label="Near-duplicates">
        <h3>Near-duplicates ({health.duplicates.length})</h3>
        {health.duplicates.length === 0 && <p className="muted">None found.</p>}
        {health.duplicates.map((group) => (
          <div key={group.key} className="finding">
            <div className="finding-images">
              {group.images.map((image) => (
                <div key={image.id} className="thumb-with-action">
                  <Thumb image={image} caption={`${image.split.toLowerCase()} · ${image.originalName}`} />
                  {canWrite && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        act(gql(KeepOnly, { ids: group.images.filter((i) => i.id !== image.id).map((i) => i.id) }))
                      }
                    >
                      Keep this one
                    </button>
                  )}
                </div>
              ))}
            </div>
            <div className="finding-body">
              <p>
                {group.crossesSplits ? <b className="bad">Leakage: the copies span splits</b> : "Copies in one split"}{" "}
                <span className="muted">(distance {group.maxDistance.toFixed(3)})</span>
              </p>
              <div className="actions">
                {canWrite && group.crossesSplits && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => act(gql(MoveGroup, { ids: group.images.map((i) => i.id), s: "TRAIN" }))}
                  >
                    Move all to train
                  </button>
                )}
                {onMap(group.images.map((i) => i.id))}
                {reviewed(group.key)}
              </div>
            </div>
          </div>
        ))}
      </section>
      <section aria-label="Likely mislabeled">
        <h3>Likely mislabeled ({health.mislabeled.length})</h3>
        {health.mislabeled.length === 0 && <p className="muted">None found.</p>}
        {health.mislabeled.map((m) => (
          <div key={m.key} className="finding">
            <div className="finding-images">{m.image && <Thumb image={m.image} caption={m.image.originalName} />}</div>
            <div className="finding-body">
              <p>
                Labelled <b>{name(m.givenLabelId)}</b> ({pct(m.givenProbability)}), looks like{" "}
                <b>{name(m.suggestedLabelId)}</b> ({pct(m.suggestedProbability)})
              </p>
              <div className="actions">
                {canWrite && m.image && (
                  <button
                    type="button"
                    onClick={() => m.image && act(gql(AcceptLabel, { id: m.image.id, l: m.suggestedLabelId }))}
                  >
                    Relabel as {name(m.suggestedLabelId)}
                  </button>
                )}
                {m.image && onMap([m.image.id])}
                {reviewed(m.key)}
              </div>
            </div>
          </div>
        ))}
      </section>
      <section aria-label="Strays">
        <h3>Strays ({health.strays.length})</h3>
        {health.strays.length === 0 && <p className="muted">None found.</p>}
        {health.strays.map((s) => (
          <div key={s.key} className="finding">
            <div className="finding-images">
              {s.image && <Thumb image={s.image} caption={`${name(s.image.labelId)} · ${s.image.originalName}`} />}
            </div>
            <div className="finding-body">
              <p className="muted">Far from every class (distance {s.score.toFixed(2)}): likely of no class.</p>
              <div className="actions">
                {canWrite && s.image && (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => s.image && act(gql(KeepOnly, { ids: [s.image.id] }))}
                  >
                    Delete
                  </button>
                )}
                {s.image && onMap([s.image.id])}
                {reviewed(s.key)}
              </div>
            </div>
          </div>
        ))}
      </section>
    </>
  );
}
