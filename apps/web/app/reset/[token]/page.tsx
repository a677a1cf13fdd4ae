"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ErrorNote } from "../../../components/feedback";
import { graphql } from "../../../gql";
import { gql } from "../../../lib/api";

const ResetPassword = graphql(`mutation ResetPassword($t: String!, $p: String!) {
  resetPassword(token: $t, newPassword: $p) }`);

/** A reset link (made by a workspace's owner or admin, or e-mailed): choose a new password, once. */
export default function ResetPasswordPage() {
  const { token } = useParams<{ token: string }>();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await gql(ResetPassword, { t: token, p: String(new FormData(event.currentTarget).get("password")) });
      setDone(true);
    } catch (e) {
      setError(e);
    }
  }
  if (done)
    return (
      <section className="card narrow" role="status">
        <h1>Password changed</h1>
        <p>
          Every session of your account has ended. <Link href="/signin">Sign in</Link> with the new password.
        </p>
      </section>
    );
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>Choose a new password</h1>
      <label>
        New password
        <input name="password" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" />
      </label>
      <button type="submit">Set password</button>
      <ErrorNote error={error} />
    </form>
  );
}
