"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { EmptyState, ErrorNote, Loading } from "../../components/feedback";
import { graphql } from "../../gql";
import { gql, useQuery } from "../../lib/api";

const MeQuery = graphql(`query AccountMe { me { name email } }`);
const ChangePassword = graphql(`mutation ChangePassword($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n) }`);
const SignOutEverywhere = graphql(`mutation SignOutEverywhere($t: Boolean) { signOutEverywhere(apiTokens: $t) }`);
const UpdateProfile = graphql(`mutation UpdateProfile($n: String!) { updateProfile(name: $n) { name } }`);
const DeleteAccount = graphql(`mutation DeleteAccount($p: String!) { deleteAccount(password: $p) }`);

/** Your account: change the password (other sessions end), or sign out of every browser. */
export default function AccountPage() {
  const router = useRouter();
  const { data, error, mutate } = useQuery(MeQuery);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState("");
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  if (!data.me)
    return (
      <EmptyState title="Please sign in">
        <Link href="/signin?next=/account">Sign in</Link> to manage your account.
      </EmptyState>
    );
  async function changePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    try {
      await gql(ChangePassword, { c: String(values.get("current")), n: String(values.get("next")) });
      form.reset();
      setActionError(null);
      setDone("Password changed. Every other session of your account has ended.");
    } catch (e) {
      setActionError(e);
    }
  }
  async function signOutEverywhere(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tokens = new FormData(event.currentTarget).get("tokens") === "on";
    const what = tokens ? "every browser and revoke all your API tokens" : "every browser";
    if (!confirm(`Sign out of ${what}, this one included?`)) return;
    try {
      await gql(SignOutEverywhere, { t: tokens });
      router.push("/signin");
    } catch (e) {
      setActionError(e);
    }
  }
  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await gql(UpdateProfile, { n: String(new FormData(event.currentTarget).get("name")) });
      setActionError(null);
      setDone("Name changed.");
      await mutate();
    } catch (e) {
      setActionError(e);
    }
  }
  async function deleteAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    if (!confirm("Delete your account for good? What you made for your teams stays, without your name.")) return;
    try {
      await gql(DeleteAccount, { p: password });
      router.push("/");
    } catch (e) {
      setActionError(e);
    }
  }
  return (
    <section>
      <h1>Your account</h1>
      <p className="muted">
        {data.me.name} · {data.me.email}
      </p>
      <form className="card narrow" onSubmit={rename}>
        <h2>Your name</h2>
        <label>
          Name
          <input name="name" required maxLength={100} defaultValue={data.me.name} />
        </label>
        <button type="submit">Change name</button>
      </form>
      <form className="card narrow" onSubmit={changePassword}>
        <h2>Change password</h2>
        <label>
          Current password
          <input name="current" type="password" required autoComplete="current-password" maxLength={1024} />
        </label>
        <label>
          New password
          <input name="next" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" />
        </label>
        <button type="submit">Change password</button>
      </form>
      {done && (
        <p role="status" className="card">
          {done}
        </p>
      )}
      <form className="card narrow" onSubmit={signOutEverywhere}>
        <h2>Sessions</h2>
        <p className="muted">Lost a laptop? End every session, and if a script's token may have leaked, every token.</p>
        <label className="check">
          <input type="checkbox" name="tokens" /> Revoke my API tokens too
        </label>
        <button type="submit" className="danger">
          Sign out everywhere
        </button>
      </form>
      <form className="card narrow" onSubmit={deleteAccount}>
        <h2>Delete your account</h2>
        <p className="muted">
          Your sessions, tokens and memberships go; datasets, runs and comments you made stay with your teams. A
          workspace you alone own needs another owner first.
        </p>
        <label>
          Password
          <input name="password" type="password" required autoComplete="current-password" maxLength={1024} />
        </label>
        <button type="submit" className="danger">
          Delete my account
        </button>
      </form>
      <ErrorNote error={actionError} />
    </section>
  );
}
