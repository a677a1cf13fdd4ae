"use client";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { graphql } from "../gql";
import { gql, useQuery } from "../lib/api";
import { ErrorNote } from "./feedback";

const CalibrationQuery = graphql(`query RunCalibration($id: ID!) { run(id: $id) { checkpoints { id
  calibration { temperature fittedOn evaluatedOn eceBefore eceAfter targetPrecision threshold
    reliabilityBefore { confidence accuracy count } reliabilityAfter { confidence accuracy count }
    curve { threshold coverage precision } } } } }`);
const SetTarget = graphql(`mutation SetTargetPrecision($c: ID!, $p: Float!) {
  setTargetPrecision(checkpointId: $c, targetPrecision: $p) { id } }`);

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** A run's calibration: the reliability diagram before and after, and the precision/coverage trade to choose. */
export function CalibrationView({ runId, canTrain }: { runId: string; canTrain: boolean }) {
  const { data, mutate } = useQuery(CalibrationQuery, { id: runId });
  const [target, setTarget] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const checkpoint = data?.run.checkpoints[0];
  const c = checkpoint?.calibration;
  if (!checkpoint || !c) return null;
  const chosen = target ?? c.targetPrecision;
  // The same rule as the API: the lowest threshold whose answers reach the target precision.
  const point = c.curve.find((p) => p.precision >= chosen) ?? c.curve.at(-1);
  const bins = c.reliabilityBefore.map((b, i) => ({
    bin: `${i / 10}–${(i + 1) / 10}`,
    before: b.count ? b.accuracy : null,
    after: c.reliabilityAfter[i]?.count ? (c.reliabilityAfter[i]?.accuracy ?? null) : null,
    perfect: (i + 0.5) / 10,
  }));
  async function save() {
    try {
      await gql(SetTarget, { c: checkpoint?.id ?? "", p: chosen });
      setTarget(null);
      setError(null);
      await mutate();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" aria-label="Calibration">
      <h2>Calibration and "don't know"</h2>
      <p>
        {c.temperature === 1
          ? `Temperature left at 1: the ${c.fittedOn} split has too few images, or no mistake, to fit one.`
          : `Temperature ${c.temperature.toFixed(2)}, fitted on ${c.fittedOn}.`}{" "}
        Expected calibration error on {c.evaluatedOn}: {pct(c.eceBefore)} before, <b>{pct(c.eceAfter)}</b> after.
      </p>
      <div className="two-col">
        <figure className="chart" aria-label="Reliability diagram">
          <figcaption>Accuracy per confidence bin (on the diagonal: as sure as it is right)</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={bins} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="bin" />
              <YAxis domain={[0, 1]} />
              <Tooltip />
              <Legend />
              <Line dataKey="perfect" name="perfect" stroke="#9ca3af" dot={false} isAnimationActive={false} />
              <Line dataKey="before" stroke="#dc2626" isAnimationActive={false} connectNulls />
              <Line dataKey="after" stroke="#2563eb" isAnimationActive={false} connectNulls />
            </LineChart>
          </ResponsiveContainer>
        </figure>
        <figure className="chart" aria-label="Precision against coverage">
          <figcaption>Precision against the share of images it answers ({c.fittedOn})</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={c.curve} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="coverage" type="number" domain={[0, 1]} tickFormatter={(v: number) => pct(v)} />
              <YAxis domain={[0, 1]} />
              <Tooltip />
              <Line dataKey="precision" stroke="#16a34a" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <label>
        Target precision: <b>{pct(chosen)}</b>
        <input
          type="range"
          min={0.5}
          max={0.99}
          step={0.01}
          value={chosen}
          onChange={(e) => setTarget(Number(e.target.value))}
        />
      </label>
      {point && (
        <p role="status" aria-label="Coverage at the target">
          Answers {pct(point.coverage)} of images with {pct(point.precision)} precision; below {pct(point.threshold)}{" "}
          confidence it says "don't know".
        </p>
      )}
      {canTrain && target !== null && target !== c.targetPrecision && (
        <button type="button" onClick={() => void save()}>
          Use {pct(chosen)} for predictions
        </button>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
