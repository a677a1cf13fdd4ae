"use client";
import { createContext, useContext } from "react";
import type { Permissions, Role } from "../gql/graphql";

export interface CurrentWorkspace {
  id: string;
  name: string;
  role: Role;
  /** What the API lets the caller do here: the dashboard hides the rest. */
  can: Omit<Permissions, "read" | "predict">;
}

export const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

/** The workspace the page is in, with the caller's role and permissions (to hide what they cannot do). */
export function useWorkspace(): CurrentWorkspace {
  const current = useContext(WorkspaceContext);
  if (!current) throw new Error("useWorkspace outside a workspace page");
  return current;
}
