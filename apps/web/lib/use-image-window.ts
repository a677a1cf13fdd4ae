"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { graphql } from "../gql";
import type { ImageSort, ImageWindowQuery, ImageWindowQueryVariables } from "../gql/graphql";
import { gql } from "./api";
import type { GridView } from "./grid-view";
import type { Range } from "./position-ranges";

/** Images fetched at a time: a page covers a screen or two of thumbnails. */
export const WINDOW_PAGE = 120;

const ImageWindow = graphql(`query ImageWindow($d: ID!, $label: ID, $split: Split, $unlabelled: Boolean,
  $failed: Boolean, $q: String, $sort: ImageSort, $desc: Boolean, $c: ID, $offset: Int, $n: Int) {
  images(datasetId: $d, labelId: $label, split: $split, unlabelled: $unlabelled, failed: $failed, search: $q,
    sort: $sort, descending: $desc, checkpointId: $c, offset: $offset, first: $n) {
    totalCount nodes { id originalName labelId split thumbnailUrl suggestion { label confidence } } } }`);

export type GridImage = ImageWindowQuery["images"]["nodes"][number];

/** The checkpoint a view shows suggestions from: the URL's, else the default (a production alias), or none. */
export const checkpointOfView = (view: GridView, fallback: string | null) =>
  view.checkpoint === "none" ? null : (view.checkpoint ?? fallback);

/** The query's variables for a view (no offset yet); a confidence order needs a checkpoint, else upload order. */
export function windowVariables(datasetId: string, shown: GridView, checkpointId: string | null) {
  const view = shown.sort === "confidence" && !checkpointId ? { ...shown, sort: "added" as const } : shown;
  return {
    d: datasetId,
    label: view.unlabelled ? null : view.labelId,
    split: view.split,
    unlabelled: view.unlabelled || null,
    failed: view.failed || null,
    q: view.search.trim() || null,
    sort: view.sort.toUpperCase() as ImageSort,
    desc: view.descending,
    c: checkpointId,
  } satisfies Omit<ImageWindowQueryVariables, "offset" | "n">;
}

type Variables = ReturnType<typeof windowVariables>;

/** First pages asked for before their grid mounted (the dataset page starts one with its own query). */
const early = new Map<string, Promise<ImageWindowQuery>>();
const earlyKey = (variables: Variables) => JSON.stringify(variables);

function fetchPage(variables: Variables, page: number): Promise<ImageWindowQuery> {
  const started = page === 0 ? early.get(earlyKey(variables)) : undefined;
  if (started) {
    early.delete(earlyKey(variables));
    return started;
  }
  return gql(ImageWindow, { ...variables, offset: page * WINDOW_PAGE, n: WINDOW_PAGE });
}

/**
 * Starts reading a view's first page now, so it arrives with the page's other queries instead of after them;
 * the grid takes it when it mounts with the same variables (kept 10 s at most).
 */
export function prefetchFirstPage(variables: Variables) {
  const key = earlyKey(variables);
  if (early.has(key)) return;
  const page = gql(ImageWindow, { ...variables, offset: 0, n: WINDOW_PAGE });
  page.catch(() => early.delete(key));
  early.set(key, page);
  setTimeout(() => early.delete(key), 10_000);
}

/**
 * A view of a dataset's images read by position, as a virtualised grid needs them: pages are fetched by
 * offset when their rows come into sight (`show`), so jumping to image 80,000 reads one page, not 667. A
 * change of variables or `version` starts over.
 */
export function useImageWindow(variables: Variables, version: number) {
  const key = `${JSON.stringify(variables)}#${version}`;
  const [state, setState] = useState({ key, total: null as number | null, pages: new Map<number, GridImage[]>() });
  const [error, setError] = useState<unknown>(null);
  const requested = useRef({ key, pages: new Set<number>() });
  const latest = useRef(variables);
  latest.current = variables;
  if (requested.current.key !== key) requested.current = { key, pages: new Set() };
  const current = state.key === key ? state : { key, total: null, pages: new Map<number, GridImage[]>() };

  const show = useCallback(
    (first: number, last: number) => {
      const wanted = requested.current;
      for (let page = Math.floor(first / WINDOW_PAGE); page <= Math.floor(last / WINDOW_PAGE); page++) {
        if (wanted.pages.has(page)) continue;
        wanted.pages.add(page);
        fetchPage(latest.current, page)
          .then((data) => {
            // An answer for a view left meanwhile (new filters, or a refresh after an upload) is dropped.
            if (requested.current !== wanted) return;
            setState((s) => {
              const base = s.key === key ? s : { key, total: null, pages: new Map<number, GridImage[]>() };
              return { key, total: data.images.totalCount, pages: new Map(base.pages).set(page, data.images.nodes) };
            });
          })
          .catch((e: unknown) => {
            wanted.pages.delete(page); // asked again when next in sight
            if (requested.current === wanted) setError(e);
          });
      }
    },
    [key], // the variables' contents, serialised: a new object with the same contents changes nothing
  );
  useEffect(() => show(0, 0), [show]); // the first page says how many there are

  return {
    total: current.total,
    at: (position: number) => current.pages.get(Math.floor(position / WINDOW_PAGE))?.[position % WINDOW_PAGE],
    show,
    error,
    /** The ids at these positions, read page by page (a selection's ranges, for a bulk action). */
    async idsAt(ranges: readonly Range[]) {
      const ids: string[] = [];
      for (const [from, to] of ranges)
        for (let offset = from; offset <= to; offset += 200) {
          const n = Math.min(200, to - offset + 1);
          const data = await gql(ImageWindow, { ...variables, offset, n });
          ids.push(...data.images.nodes.map((node) => node.id));
        }
      return ids;
    },
  };
}
