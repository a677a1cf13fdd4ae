"use client";
import { useState } from "react";

/** Selects images by position in the view ("from 1 to 500"), or all of them, without scrolling to them. */
export function RangeSelect({ total, onSelect }: { total: number; onSelect: (from: number, to: number) => void }) {
  const [from, setFrom] = useState(1);
  const [to, setTo] = useState(Math.min(total, 100));
  const clamp = (n: number) => Math.min(Math.max(Math.round(n) || 1, 1), total);
  return (
    <form
      className="toolbar"
      aria-label="Select by range"
      onSubmit={(e) => {
        e.preventDefault();
        onSelect(clamp(from) - 1, clamp(to) - 1);
      }}
    >
      <label>
        From
        <input type="number" min={1} max={total} value={from} onChange={(e) => setFrom(Number(e.target.value))} />
      </label>
      <label>
        to
        <input type="number" min={1} max={total} value={to} onChange={(e) => setTo(Number(e.target.value))} />
      </label>
      <button type="submit" className="secondary">
        Select range
      </button>
      <button type="button" className="secondary" onClick={() => onSelect(0, total - 1)}>
        Select all {total.toLocaleString("en")}
      </button>
    </form>
  );
}
