"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../gql";
import type { EpochPointFragment } from "../gql/graphql";

/** One point of the curves; pages spread it into their queries. */
export const EpochPoint = graphql(`fragment EpochPoint on EpochMetric {
  epoch trainLoss trainAccuracy validationLoss validationAccuracy }`);
export type Epoch = EpochPointFragment;

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2"];

/** Loss and accuracy per epoch for one run, or one metric overlaid for several runs. */
export function Curves({
  series,
  metrics: keys,
  title,
}: {
  series: { name: string; epochs: Epoch[] }[];
  metrics: (keyof Omit<Epoch, "epoch">)[];
  title: string;
}) {
  const byEpoch = new Map<number, Record<string, number | null>>();
  for (const s of series)
    for (const e of s.epochs)
      for (const k of keys) byEpoch.set(e.epoch, { ...byEpoch.get(e.epoch), epoch: e.epoch, [`${s.name} ${k}`]: e[k] });
  const rows = [...byEpoch.values()].sort((a, b) => (a.epoch ?? 0) - (b.epoch ?? 0));
  const lines = series.flatMap((s) => keys.map((k) => `${s.name} ${k}`));
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" label={{ value: "epoch", position: "insideBottomRight", offset: -4 }} />
          <YAxis />
          <Tooltip />
          <Legend />
          {lines.map((key, i) => (
            <Line
              key={key}
              dataKey={key}
              name={series.length === 1 ? key.slice(series[0]?.name.length ?? 0).trim() : key}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
