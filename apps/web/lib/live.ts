"use client";
import { type Client, createClient } from "graphql-ws";
import { useEffect, useRef, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";

/** How a page gets its updates: pushed over the WebSocket, or (when it cannot connect) by polling. */
export type LiveState = "connecting" | "live" | "polling";

let shared: Client | null = null;
const listeners = new Set<(connected: boolean) => void>();

/** One WebSocket per tab, to the dashboard's own origin (its server passes it on to the API). */
function liveClient(): Client {
  shared ??= createClient({
    url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/graphql`,
    lazy: true,
    retryAttempts: 2,
    on: {
      connected: () => {
        for (const listener of listeners) listener(true);
      },
      closed: () => {
        for (const listener of listeners) listener(false);
      },
    },
  });
  return shared;
}

/**
 * Subscribes while `document` is given and calls `onData` with each update. The state says whether updates
 * are pushed ("live"); when the socket cannot connect or drops, it is "polling" and the page polls instead.
 */
export function useSubscription<T, V>(
  document: TypedDocumentString<T, V> | null,
  variables: V,
  onData: (data: T) => void,
): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const latest = useRef(onData);
  latest.current = onData;
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!document) return;
    setState("connecting");
    const listener = (connected: boolean) => setState(connected ? "live" : "polling");
    listeners.add(listener);
    const dispose = liveClient().subscribe<T>(
      { query: document.toString(), variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: (result) => {
          setState("live");
          if (result.data) latest.current(result.data);
        },
        error: () => setState("polling"),
        complete: () => {},
      },
    );
    return () => {
      listeners.delete(listener);
      dispose();
    };
  }, [document, key]);
  return state;
}

/**
 * Follows one subscription to its end outside React (an import started by a click): resolves true when it
 * completed, false when the socket could not connect, so the caller polls instead.
 */
export function followSubscription<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  onData: (data: T) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    liveClient().subscribe<T>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.data) onData(result.data);
        },
        error: () => resolve(false),
        complete: () => resolve(true),
      },
    );
  });
}
