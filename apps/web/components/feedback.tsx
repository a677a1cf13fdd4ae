"use client";
import type { ReactNode } from "react";
import { describeError } from "../lib/api";

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {describeError(error)}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

/** A labelled progress bar; `value` of `max` with a text the screen reader reads too. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((100 * value) / max) : 0;
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span>
          {value} / {max} ({percent}%)
        </span>
      </div>
      <progress aria-label={label} value={value} max={Math.max(max, 1)} />
    </div>
  );
}

export const Loading = () => <p className="muted">Loading…</p>;
