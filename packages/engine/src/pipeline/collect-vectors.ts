import type { SplitName } from "../data/splits.js";
import type { VectorSet } from "../training/train-head.js";

interface Row {
  vector: Float32Array;
  label: number;
  name: string;
}

/** Gathers vectors by split as extraction yields them, then packs each split into one VectorSet. */
export class VectorCollector {
  private readonly rows: Record<SplitName, Row[]> = { train: [], validation: [], test: [] };

  add(split: SplitName, row: Row): void {
    this.rows[split].push(row);
  }

  count(split: SplitName): number {
    return this.rows[split].length;
  }

  /** Rows sorted by name, so the order (and so training) does not depend on which worker finished first. */
  pack(split: SplitName): VectorSet & { names: string[] } {
    const rows = [...this.rows[split]].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const dim = rows[0]?.vector.length ?? 0;
    const x = new Float32Array(rows.length * dim);
    for (const [i, r] of rows.entries()) x.set(r.vector, i * dim);
    return { x, y: Int32Array.from(rows, (r) => r.label), dim, names: rows.map((r) => r.name) };
  }
}
