"use client";
import Link from "next/link";

/** Single sign-on's button, when the install has it: it starts at the API and comes back to `next`. */
export function SingleSignOnButton({ sso, next }: { sso: { name: string; startPath: string } | null; next: string }) {
  if (!sso) return null;
  return (
    <p>
      <a className="button secondary" href={`${sso.startPath}?next=${encodeURIComponent(next)}`}>
        Sign in with {sso.name}
      </a>
    </p>
  );
}

/** Instead of a sign-up form that would fail: why this install takes no sign-up here, and what to do. */
export function SignUpClosed({ message, next }: { message: string; next: string }) {
  return (
    <section className="card narrow">
      <h1>Create your account</h1>
      <p role="status">{message}</p>
      <p className="muted">
        Have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </section>
  );
}
