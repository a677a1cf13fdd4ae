"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { gql, useQuery } from "../lib/api";
import { invitationIn, safeNext } from "../lib/safe-next";
import { ErrorNote } from "./feedback";
import { SignUpClosed, SingleSignOnButton } from "./sign-in-choices";

const SignUp = graphql(`mutation SignUp($email: String!, $password: String!, $name: String!, $invitation: String) {
  signUp(email: $email, password: $password, name: $name, invitationToken: $invitation) { user { id } } }`);
const SignIn = graphql(`mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { user { id } } }`);
const Options = graphql(`query SignInOptions {
  signInOptions { signUp { mode message } singleSignOn { name startPath } passwordResetByEmail } }`);

/** Sign up or sign in; the API sets the session cookie, then the workspace list opens. */
export function AuthForm({ mode }: { mode: "signin" | "signup" }) {
  const params = useSearchParams();
  // Where to go next (an invitation link sends people here first); only paths of this site.
  const next = safeNext(params.get("next"));
  const invitation = invitationIn(next);
  const refused = params.get("error"); // single sign-on sends people back here with the reason
  const { data: options } = useQuery(Options);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const closedMessage = options?.signInOptions.signUp.message;
  if (mode === "signup" && closedMessage && !invitation) return <SignUpClosed message={closedMessage} next={next} />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const field = (name: string) => String(form.get(name) ?? "");
      const credentials = { email: field("email"), password: field("password") };
      if (mode === "signup") await gql(SignUp, { ...credentials, name: field("name"), invitation: invitation ?? null });
      else await gql(SignIn, credentials);
      // A full page load: someone else may be signed in now, and nothing read before (as nobody) may show.
      // Signing up with an invitation joins its workspace at once: the workspaces list shows it.
      window.location.assign(mode === "signup" && invitation ? "/workspaces" : next);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{mode === "signup" ? "Create your account" : "Sign in"}</h1>
      {refused && (
        <p className="error" role="alert">
          {refused}
        </p>
      )}
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
      <SingleSignOnButton sso={options?.signInOptions.singleSignOn ?? null} next={next} />
      <p className="muted">
        {mode === "signup" ? (
          <>
            Already have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
            {options?.signInOptions.passwordResetByEmail && (
              <>
                {" · "}
                <Link href="/reset">Forgot your password?</Link>
              </>
            )}
          </>
        )}
      </p>
    </form>
  );
}
