"use client";
import { createContext, useContext } from "react";
import type { Role } from "../lib/api";

export interface CurrentWorkspace {
  id: string;
  name: string;
  role: Role;
}

export const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

/** The workspace the page is in, with the caller's role (to hide what they cannot do). */
export function useWorkspace(): CurrentWorkspace {
  const current = useContext(WorkspaceContext);
  if (!current) throw new Error("useWorkspace outside a workspace page");
  return current;
}
