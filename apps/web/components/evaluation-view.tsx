"use client";
import { useState } from "react";
import { graphql } from "../gql";
import type { EvaluationDetailsFragment } from "../gql/graphql";

/** What the evaluation view shows; the run page spreads it into its query. */
export const EvaluationDetails = graphql(`fragment EvaluationDetails on Evaluation {
  count accuracy labels confusionMatrix { label counts }
  perClass { label precision recall f1 support }
  misclassified { image { id thumbnailUrl } trueLabel predictedLabel top { label probability } } }`);

type Evaluation = EvaluationDetailsFragment;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function Misclassified({ items }: { items: Evaluation["misclassified"] }) {
  return (
    <ul className="thumbs wide">
      {items.map((m, i) => (
        <li key={m.image?.id ?? i}>
          {/* biome-ignore lint/performance/noImgElement: thumbnails come from our API, already sized */}
          <img
            src={m.image?.thumbnailUrl ?? ""}
            alt={`A ${m.trueLabel} taken for ${m.predictedLabel}`}
            width={96}
            height={96}
          />
          <span className="caption">
            {m.trueLabel} → <b>{m.predictedLabel}</b>
          </span>
          <span className="caption">
            {m.top
              .slice(0, 3)
              .map((t) => `${t.label} ${pct(t.probability)}`)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Confusion matrix whose cells open the images behind them, per-class P/R/F1, misclassified images. */
export function EvaluationView({
  evaluation,
  split,
  mapHref,
}: {
  evaluation: Evaluation;
  split: string | null;
  /** A link to the dataset map with these images ringed (once the dataset is known). */
  mapHref?: ((imageIds: string[]) => string) | undefined;
}) {
  const [cell, setCell] = useState<{ row: number; col: number } | null>(null);
  const { labels } = evaluation;
  const max = Math.max(1, ...evaluation.confusionMatrix.flatMap((row) => row.counts));
  const inCell = cell
    ? evaluation.misclassified.filter((m) => m.trueLabel === labels[cell.row] && m.predictedLabel === labels[cell.col])
    : [];
  return (
    <section aria-label="Evaluation">
      <h2>
        Evaluation on {evaluation.count} {split ? `${split.toLowerCase()} ` : "held-out "}images:{" "}
        {pct(evaluation.accuracy)} accurate
      </h2>
      <div className="two-col">
        <table className="confusion" aria-label="Confusion matrix (rows: true label, columns: predicted)">
          <thead>
            <tr>
              <th>true \ predicted</th>
              {labels.map((l) => (
                <th key={l}>{l}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {evaluation.confusionMatrix.map((row, r) => (
              <tr key={row.label}>
                <th>{row.label}</th>
                {row.counts.map((count, c) => (
                  <td
                    key={labels[c]}
                    style={{
                      background: `rgba(${r === c ? "37,99,235" : "220,38,38"},${(0.1 + (0.8 * count) / max).toFixed(2)})`,
                    }}
                  >
                    <button
                      type="button"
                      aria-label={`${count} ${labels[r]} predicted as ${labels[c]}`}
                      onClick={() => setCell({ row: r, col: c })}
                    >
                      {count}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <table aria-label="Per-class metrics">
          <thead>
            <tr>
              <th>Label</th>
              <th>Precision</th>
              <th>Recall</th>
              <th>F1</th>
              <th>Images</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.perClass.map((c) => (
              <tr key={c.label}>
                <td>{c.label}</td>
                <td>{pct(c.precision)}</td>
                <td>{pct(c.recall)}</td>
                <td>{pct(c.f1)}</td>
                <td>{c.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cell && (
        <section className="card" aria-label="Images in the chosen cell">
          <h3>
            {labels[cell.row]} predicted as {labels[cell.col]}:{" "}
            {evaluation.confusionMatrix[cell.row]?.counts[cell.col] ?? 0} images
          </h3>
          {cell.row === cell.col ? (
            <p className="muted">These were classified correctly.</p>
          ) : (
            <>
              <Misclassified items={inCell} />
              {mapHref && inCell.length > 0 && (
                <a href={mapHref(inCell.flatMap((m) => (m.image ? [m.image.id] : [])))}>Show them on the dataset map</a>
              )}
            </>
          )}
        </section>
      )}
      <details>
        <summary>All misclassified images ({evaluation.misclassified.length})</summary>
        <Misclassified items={evaluation.misclassified} />
      </details>
    </section>
  );
}
