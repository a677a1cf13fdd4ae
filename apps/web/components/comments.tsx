"use client";
import { type FormEvent, useState } from "react";
import { gql } from "../lib/api";
import { ErrorNote } from "./feedback";

interface Comment {
  id: string;
  body: string;
  runId: string | null;
  createdAt: string;
  author: { name: string } | null;
}

/** An experiment's conversation; a run's comments are marked with it. */
export function Comments({
  experimentId,
  comments,
  canWrite,
  onChange,
}: {
  experimentId: string;
  comments: Comment[];
  canWrite: boolean;
  onChange: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await gql("mutation($e: ID!, $b: String!) { addComment(experimentId: $e, body: $b) { id } }", {
        e: experimentId,
        b: String(new FormData(form).get("body")),
      });
      form.reset();
      setError(null);
      onChange();
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
