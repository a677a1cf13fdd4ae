"use client";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../gql";
import { useQuery } from "../lib/api";

const ServingQuery = graphql(`query ExperimentServing($e: ID!, $alias: String!) { experiment(id: $e) {
  serving(alias: $alias, days: 30) { psi threshold drift recentPredictions
    days { date count unknown meanConfidence } shares { label training served } } } }`);

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** What an alias served per day, and whether its answers drifted from what it was trained on. */
export function ServingSummary({ experimentId, aliases }: { experimentId: string; aliases: string[] }) {
  const [alias, setAlias] = useState(aliases.includes("production") ? "production" : (aliases[0] ?? "production"));
  const { data } = useQuery(ServingQuery, { e: experimentId, alias });
  const serving = data?.experiment.serving;
  if (!serving) return null;
  const days = serving.days.map((d) => ({ date: d.date, answered: d.count - d.unknown, unknown: d.unknown }));
  return (
    <section className="card" aria-label="Serving">
      <h2>Served through {alias}</h2>
      {aliases.length > 1 && (
        <label>
          Alias
          <select value={alias} onChange={(e) => setAlias(e.target.value)}>
            {aliases.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      )}
      {serving.days.length === 0 ? (
        <p className="muted">Nothing served through this alias in the last 30 days.</p>
      ) : (
        <>
          <p role="status" aria-label="Drift" className={serving.drift ? "bad" : undefined}>
            {serving.psi === null
              ? `Drift is judged on at least 30 answers in the last 7 days (${serving.recentPredictions} so far).`
              : serving.drift
                ? `Drift: the last 7 days' answers moved away from the training labels (population stability ${serving.psi.toFixed(2)} > ${serving.threshold}). Check what is being sent, and consider retraining.`
                : `No drift: population stability ${serving.psi.toFixed(2)} (alert above ${serving.threshold}).`}
          </p>
          <div className="two-col">
            <figure className="chart" aria-label="Answers per day">
              <figcaption>Answers per day</figcaption>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="answered" stackId="a" fill="#2563eb" isAnimationActive={false} />
                  <Bar dataKey="unknown" stackId="a" fill="#9ca3af" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <table aria-label="Label shares, training and last 7 days">
              <thead>
                <tr>
                  <th>Label</th>
                  <th>Training</th>
                  <th>Served</th>
                </tr>
              </thead>
              <tbody>
                {serving.shares.map((s) => (
                  <tr key={s.label}>
                    <td>{s.label}</td>
                    <td>{pct(s.training)}</td>
                    <td>{pct(s.served)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
