"use client";
import useSWRInfinite from "swr/infinite";
import type { TypedDocumentString } from "../gql/graphql";
import { gql } from "./api";

interface Connection<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A cursor connection read page by page (`after` = the previous page's endCursor): the list grows with
 * `loadMore` for as long as the API says more follow, with no ceiling. `key` adds to the cache key (a
 * change refetches every page).
 */
export function usePages<T, V extends { after?: string | null }, N>(
  document: TypedDocumentString<T, V>,
  variables: Omit<V, "after">,
  connectionOf: (data: T) => Connection<N>,
  key = "",
) {
  const pages = useSWRInfinite<T>(
    (index, previous: T | null) => {
      if (previous && !connectionOf(previous).pageInfo.hasNextPage) return null;
      const after = previous ? (connectionOf(previous).pageInfo.endCursor ?? null) : null;
      return [document.toString(), JSON.stringify(variables), key, index, after];
    },
    (args: [string, string, string, number, string | null]) =>
      gql(document, { ...variables, after: args[4] } as unknown as V),
  );
  const loaded = pages.data ?? [];
  const last = loaded.at(-1);
  return {
    first: loaded[0],
    nodes: loaded.flatMap((page) => connectionOf(page).nodes),
    hasMore: last ? connectionOf(last).pageInfo.hasNextPage : false,
    loadMore: () => pages.setSize(pages.size + 1),
    error: pages.error as unknown,
    loading: !pages.data && !pages.error,
    mutate: pages.mutate,
  };
}
