"use client";
import type { SWRConfiguration } from "swr";
import useSWRInfinite from "swr/infinite";
import type { TypedDocumentString } from "../gql/graphql";
import { gql } from "./api";

interface Connection<N> {
  nodes: N[];
  pageInfo: {
    hasNextPage?: boolean;
    endCursor?: string | null;
    hasPreviousPage?: boolean;
    startCursor?: string | null;
  };
}

interface PageOptions<T> {
  /** Adds to the cache key: a change refetches every page. */
  key?: string;
  /** Read from the end backwards (`last`/`before`): "show earlier" instead of "show more". */
  backward?: boolean;
  refreshInterval?: SWRConfiguration<T[]>["refreshInterval"];
}

/**
 * A cursor connection read page by page, forwards (`after` = the previous page's endCursor) or backwards
 * (`before` = its startCursor): the list grows with `loadMore` for as long as the API says more follow, with
 * no ceiling. `nodes` are in the connection's order whichever way it is read.
 */
export function usePages<T, V, N>(
  document: TypedDocumentString<T, V>,
  variables: Omit<V, "after" | "before">,
  connectionOf: (data: T) => Connection<N>,
  options: PageOptions<T> = {},
) {
  const backward = options.backward ?? false;
  const more = (page: T) =>
    backward ? connectionOf(page).pageInfo.hasPreviousPage : connectionOf(page).pageInfo.hasNextPage;
  const cursor = (page: T) =>
    (backward ? connectionOf(page).pageInfo.startCursor : connectionOf(page).pageInfo.endCursor) ?? null;
  const pages = useSWRInfinite<T>(
    (index, previous: T | null) =>
      previous && !more(previous)
        ? null
        : [
            document.toString(),
            JSON.stringify(variables),
            options.key ?? "",
            index,
            previous ? cursor(previous) : null,
          ],
    (args: [string, string, string, number, string | null]) =>
      gql(document, { ...variables, [backward ? "before" : "after"]: args[4] } as unknown as V),
    { refreshInterval: options.refreshInterval },
  );
  const loaded = pages.data ?? [];
  const last = loaded.at(-1);
  const inOrder = backward ? [...loaded].reverse() : loaded;
  return {
    first: loaded[0],
    nodes: inOrder.flatMap((page) => connectionOf(page).nodes),
    hasMore: last ? Boolean(more(last)) : false,
    loadMore: () => pages.setSize(pages.size + 1),
    error: pages.error as unknown,
    loading: !pages.data && !pages.error,
    mutate: pages.mutate,
  };
}
