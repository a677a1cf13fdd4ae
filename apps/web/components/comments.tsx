"use client";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { gql } from "../lib/api";
import { usePages } from "../lib/use-pages";
import { ErrorNote } from "./feedback";

const CommentsQuery = graphql(`query Comments($e: ID!, $after: String) { experiment(id: $e) {
  comments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { id body runId createdAt author { name } } } } }`);
const AddComment = graphql(
  `mutation AddComment($e: ID!, $b: String!) { addComment(experimentId: $e, body: $b) { id } }`,
);

/** An experiment's conversation; a run's comments are marked with it. */
export function Comments({ experimentId, canWrite }: { experimentId: string; canWrite: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const pages = usePages(CommentsQuery, { e: experimentId }, (data) => data.experiment.comments);
  const comments = pages.nodes;
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await gql(AddComment, { e: experimentId, b: String(new FormData(form).get("body")) });
      form.reset();
      setError(null);
      await pages.mutate();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" aria-label="Comments">
      <h2>Comments</h2>
      {comments.length === 0 && <p className="muted">No comments yet.</p>}
      <ul className="plain comments">
        {comments.map((c) => (
          <li key={c.id}>
            <b>{c.author?.name ?? "Someone"}</b> <time className="muted">{new Date(c.createdAt).toLocaleString()}</time>
            {c.runId && <span className="badge">on a run</span>}
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {pages.hasMore && (
        <button type="button" className="secondary" onClick={() => void pages.loadMore()}>
          Show more comments
        </button>
      )}
      {canWrite && (
        <form onSubmit={add}>
          <label>
            Add a comment
            <textarea name="body" required rows={2} />
          </label>
          <button type="submit">Comment</button>
          <ErrorNote error={error} />
        </form>
      )}
    </section>
  );
}
