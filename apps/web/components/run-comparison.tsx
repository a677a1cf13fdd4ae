"use client";
import { useState } from "react";
import { graphql } from "../gql";
import { useQuery } from "../lib/api";
import { ErrorNote } from "./feedback";

const CompareQuery = graphql(`query CompareRuns($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) { reason
  comparison { images pValue significant verdict onlyA onlyB
    accuracyA { value low high } accuracyB { value low high } difference { value low high }
    perClass { label f1A { value low high } f1B { value low high } } } } }`);

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const interval = (i: { value: number; low: number; high: number }) => `${pct(i.value)} (${pct(i.low)}–${pct(i.high)})`;

/** Two finished runs side by side on the same test images: significant or chance, said in words. */
export function RunComparison({ runs }: { runs: { id: string; name: string }[] }) {
  const [a, setA] = useState(runs.at(-2)?.id ?? "");
  const [b, setB] = useState(runs.at(-1)?.id ?? "");
  const { data, error } = useQuery(a && b && a !== b ? CompareQuery : null, { a, b });
  const result = data?.compareRuns;
  const c = result?.comparison;
  const name = (id: string) => runs.find((r) => r.id === id)?.name ?? "run";
  const pick = (value: string, set: (v: string) => void, label: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="card" aria-label="Compare two runs">
      <h2>Is the difference real?</h2>
      <div className="toolbar">
        {pick(a, setA, "Run A")}
        {pick(b, setB, "Run B")}
      </div>
      <ErrorNote error={error} />
      {result?.reason && <p className="muted">{result.reason}</p>}
      {c && (
        <>
          <p role="status" aria-label="Verdict">
            {c.verdict.replace("Run A", name(a)).replace("Run B", name(b))}
          </p>
          <table aria-label="Accuracy and F1 with 95% intervals">
            <thead>
              <tr>
                <th />
                <th>{name(a)}</th>
                <th>{name(b)}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>Accuracy</td>
                <td>{interval(c.accuracyA)}</td>
                <td>{interval(c.accuracyB)}</td>
              </tr>
              {c.perClass.map((p) => (
                <tr key={p.label}>
                  <td>F1 {p.label}</td>
                  <td>{interval(p.f1A)}</td>
                  <td>{interval(p.f1B)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Of {c.images} test images, {c.onlyA} only {name(a)} got right and {c.onlyB} only {name(b)}; McNemar's exact
            test p = {c.pValue.toPrecision(2)}.
          </p>
        </>
      )}
    </section>
  );
}
