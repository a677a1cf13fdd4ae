"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { ErrorNote } from "../../components/feedback";
import { graphql } from "../../gql";
import { gql } from "../../lib/api";

const RequestReset = graphql(`mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }`);

/** Asks for a reset link by e-mail (where the install sends e-mail); the answer never says whether the address exists. */
export default function RequestResetPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await gql(RequestReset, { e: String(new FormData(event.currentTarget).get("email")) });
      setSent(true);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>Reset your password</h1>
      {sent ? (
        <p role="status">If an account uses that address, a link is on its way. It works once, for 24 hours.</p>
      ) : (
        <>
          <label>
            Email
            <input name="email" type="email" required autoComplete="email" />
          </label>
          <button type="submit">Send me a link</button>
        </>
      )}
      <ErrorNote error={error} />
      <p className="muted">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </form>
  );
}
