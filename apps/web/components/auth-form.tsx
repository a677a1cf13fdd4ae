"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { gql } from "../lib/api";
import { ErrorNote } from "./feedback";

const SignUp = graphql(`mutation SignUp($email: String!, $password: String!, $name: String!) {
  signUp(email: $email, password: $password, name: $name) { user { id } } }`);
const SignIn = graphql(`mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { user { id } } }`);

/** Sign up or sign in; the API sets the session cookie, then the workspace list opens. */
export function AuthForm({ mode }: { mode: "signin" | "signup" }) {
  // Where to go next (an invitation link sends people here first); only paths of this site.
  const requested = useSearchParams().get("next") ?? "";
  const next = /^\/(?!\/)/.test(requested) ? requested : "/workspaces";
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const field = (name: string) => String(form.get(name) ?? "");
      const credentials = { email: field("email"), password: field("password") };
      if (mode === "signup") await gql(SignUp, { ...credentials, name: field("name") });
      else await gql(SignIn, credentials);
      // A full page load: someone else may be signed in now, and nothing read before (as nobody) may show.
      window.location.assign(next);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{mode === "signup" ? "Create your account" : "Sign in"}</h1>
      {mode === "signup" && (
        <label>
          Name
          <input name="name" required autoComplete="name" />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" required autoComplete="email" />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          required
          minLength={mode === "signup" ? 8 : undefined}
          maxLength={1024}
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
        />
      </label>
      <ErrorNote error={error} />
      <button type="submit" disabled={busy}>
        {mode === "signup" ? "Sign up" : "Sign in"}
      </button>
      <p className="muted">
        {mode === "signup" ? (
          <>
            Already have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
