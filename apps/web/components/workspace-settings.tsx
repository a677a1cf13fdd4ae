"use client";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { gql } from "../lib/api";
import { ErrorNote } from "./feedback";
import { KeepServedImages } from "./keep-served-images";
import { useWorkspace } from "./workspace-context";

const RenameWorkspace = graphql(
  `mutation RenameWorkspace($id: ID!, $n: String!) { renameWorkspace(id: $id, name: $n) { name } }`,
);
const DeleteWorkspace = graphql(
  `mutation DeleteWorkspace($id: ID!, $n: String!) { deleteWorkspace(id: $id, confirmName: $n) }`,
);
const LeaveWorkspace = graphql(`mutation LeaveWorkspace($id: ID!) { leaveWorkspace(id: $id) }`);

/** The workspace itself: owners rename or delete it (typing its name to confirm); anyone may leave it. */
export function WorkspaceSettings() {
  const workspace = useWorkspace();
  const [error, setError] = useState<unknown>(null);
  const owner = workspace.can.manageWorkspace;
  // A full page load: every list read before (the workspace switcher, the list) still names this workspace.
  const leaveForList = () => window.location.assign("/workspaces");
  const act = async (change: () => Promise<unknown>, then: () => void) => {
    try {
      await change();
      then();
    } catch (e) {
      setError(e);
    }
  };
  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = String(new FormData(event.currentTarget).get("name"));
    // The sidebar and switcher read the name too: a full reload shows it everywhere.
    void act(
      () => gql(RenameWorkspace, { id: workspace.id, n }),
      () => window.location.reload(),
    );
  }
  function remove() {
    const typed = prompt(
      `This deletes ${workspace.name} and all its datasets, runs and models. Type its name to confirm:`,
    );
    if (typed === null) return;
    void act(() => gql(DeleteWorkspace, { id: workspace.id, n: typed }), leaveForList);
  }
  function leave() {
    if (!confirm(`Leave ${workspace.name}? You will need a new invitation to come back.`)) return;
    void act(() => gql(LeaveWorkspace, { id: workspace.id }), leaveForList);
  }
  return (
    <section className="card" aria-label="Workspace settings">
      <h2>Workspace</h2>
      {owner && (
        <form className="inline" onSubmit={rename}>
          <label>
            Name
            <input name="name" required maxLength={100} defaultValue={workspace.name} />
          </label>
          <button type="submit">Rename</button>
        </form>
      )}
      <KeepServedImages />
      <p>
        <button type="button" className="secondary" onClick={leave}>
          Leave workspace
        </button>{" "}
        {owner && (
          <button type="button" className="danger" onClick={remove}>
            Delete workspace
          </button>
        )}
      </p>
      <ErrorNote error={error} />
    </section>
  );
}
