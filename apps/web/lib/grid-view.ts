import { decodeRanges, encodeRanges, type Range } from "./position-ranges";

export type GridSort = "added" | "name" | "confidence";
export type GridSplit = "TRAIN" | "VALIDATION" | "TEST";

/**
 * What the image grid shows, all of it in the page's URL so a link opens the same view: search, order,
 * filters, the checkpoint whose suggestions show, and the selection (positions in this view).
 */
export interface GridView {
  search: string;
  sort: GridSort;
  descending: boolean;
  labelId: string | null;
  split: GridSplit | null;
  unlabelled: boolean;
  failed: boolean;
  /** A checkpoint id; "none" turns suggestions off; null: the default (a production alias). */
  checkpoint: string | null;
  selection: Range[];
}

const SORTS: GridSort[] = ["added", "name", "confidence"];
const SPLITS: GridSplit[] = ["TRAIN", "VALIDATION", "TEST"];

export function readGridView(params: URLSearchParams): GridView {
  const pick = <T extends string>(value: string | null, allowed: T[]) => allowed.find((a) => a === value) ?? null;
  return {
    search: params.get("q") ?? "",
    sort: pick(params.get("sort"), SORTS) ?? "added",
    descending: params.get("desc") === "1",
    labelId: params.get("label") || null,
    split: pick(params.get("split"), SPLITS),
    unlabelled: params.get("unlabelled") === "1",
    failed: params.get("failed") === "1",
    checkpoint: params.get("checkpoint") || null,
    selection: decodeRanges(params.get("sel")),
  };
}

/**
 * The URL parameters for a view, keeping the page's own (its tab) and leaving defaults out. A change of what
 * is shown drops the selection: its positions meant images of the view before.
 */
export function writeGridView(params: URLSearchParams, view: GridView): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null | false) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set("q", view.search.trim());
  set("sort", view.sort !== "added" && view.sort);
  set("desc", view.descending && "1");
  set("label", view.labelId);
  set("split", view.split);
  set("unlabelled", view.unlabelled && "1");
  set("failed", view.failed && "1");
  set("checkpoint", view.checkpoint);
  set("sel", encodeRanges(view.selection));
  return next;
}

/** True when two views show different images or orders (so positions, and the selection, no longer match). */
export const showsOtherImages = (a: GridView, b: GridView) =>
  a.search.trim() !== b.search.trim() ||
  a.sort !== b.sort ||
  a.descending !== b.descending ||
  a.labelId !== b.labelId ||
  a.split !== b.split ||
  a.unlabelled !== b.unlabelled ||
  a.failed !== b.failed ||
  (a.sort === "confidence" && a.checkpoint !== b.checkpoint);
