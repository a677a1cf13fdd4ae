"use client";
import useSWR, { type SWRConfiguration } from "swr";
import type { TypedDocumentString } from "../gql/graphql";

/** An error the API answered with, its GraphQL code kept so the page can say what to do. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What a person should read for an API error: the API's own words, or a plain explanation of the code. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  switch (error.code) {
    case "UNAUTHENTICATED":
      return "Your session has ended. Please sign in again.";
    case "FORBIDDEN":
      return `You cannot do this in this workspace. ${error.message}`;
    case "NOT_FOUND":
      return `${error.message}. It may have been deleted, or it belongs to a workspace you are not in.`;
    case "SERVICE_UNAVAILABLE":
      return "The database is not answering for a moment. Please retry in a few seconds.";
    case "API_UNREACHABLE":
      return "The server cannot be reached right now. Check that Retrain Studio is running, then retry.";
    case "INTERNAL_SERVER_ERROR":
      return "The server hit an unexpected problem. Please try again; if it persists, tell your admin.";
    default:
      return error.message;
  }
}

/**
 * One GraphQL operation through the dashboard's /graphql proxy (same origin: the session cookie rides along).
 * Documents come from `graphql()` in gql/: their result and variables are typed from the API's schema.
 */
export async function gql<T, V>(document: TypedDocumentString<T, V>, variables?: V): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError("The server cannot be reached.", "API_UNREACHABLE");
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? "ERROR", first.extensions?.field);
  if (!body.data) throw new ApiError(`The server answered ${response.status}.`, "ERROR");
  return body.data;
}

/** A query kept fresh by SWR; `refreshInterval` turns it into a live view while something runs. */
export function useQuery<T, V>(
  document: TypedDocumentString<T, V> | null,
  variables?: V,
  config?: SWRConfiguration<T>,
) {
  return useSWR<T>(
    document ? [document.toString(), JSON.stringify(variables ?? {})] : null,
    () => gql(document as TypedDocumentString<T, V>, variables),
    config,
  );
}

/** Reads a browser File as base64 (the API's upload format). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export type { Role } from "../gql/graphql";
