"use client";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState, ErrorNote, Loading } from "../../../components/feedback";
import { graphql } from "../../../gql";
import { gql, useQuery } from "../../../lib/api";

const InvitationQuery = graphql(`query Invitation($t: String!) {
  me { email } invitation(token: $t) { workspaceName role email expiresAt } }`);
const AcceptInvitation = graphql(`mutation AcceptInvitation($t: String!) { acceptInvitation(token: $t) { id } }`);

/** An invitation link: what it offers, then sign in (or up) and accept it. */
export default function InvitePage() {
  const { token } = useParams<{ token: string }>();
  const router = useRouter();
  const { data, error } = useQuery(InvitationQuery, { t: token });
  const [acceptError, setAcceptError] = useState<unknown>(null);
  if (error)
    return (
      <EmptyState title="This invitation link does not work">
        It may have been used already, withdrawn, or it expired. Ask for a new one.
      </EmptyState>
    );
  if (!data) return <Loading />;
  const here = `/invite/${token}`;
  async function accept() {
    try {
      const { acceptInvitation } = await gql(AcceptInvitation, { t: token });
      router.push(`/w/${acceptInvitation.id}/datasets`);
    } catch (e) {
      setAcceptError(e);
    }
  }
  return (
    <section className="card narrow">
      <h1>Join {data.invitation.workspaceName}</h1>
      <p>
        You are invited as <span className="badge">{data.invitation.role}</span> (sent for {data.invitation.email}). The
        link works once, until {new Date(data.invitation.expiresAt).toLocaleDateString()}.
      </p>
      {data.me ? (
        <>
          <p className="muted">You are signed in as {data.me.email}.</p>
          <button type="button" onClick={accept}>
            Accept and join
          </button>
        </>
      ) : (
        <p>
          <Link href={`/signin?next=${encodeURIComponent(here)}`}>Sign in</Link> or{" "}
          <Link href={`/signup?next=${encodeURIComponent(here)}`}>create an account</Link> to accept.
        </p>
      )}
      <ErrorNote error={acceptError} />
    </section>
  );
}
