"use client";
import { type FormEvent, useState } from "react";
import { ErrorNote, Loading } from "../../../../components/feedback";
import { graphql } from "../../../../gql";
import type { TokenScope } from "../../../../gql/graphql";
import { gql, useQuery } from "../../../../lib/api";

const TokensQuery = graphql(
  `query ApiTokens { apiTokens { id name prefix scope expiresAt createdAt lastUsedAt revokedAt } }`,
);
const CreateToken = graphql(`mutation CreateApiToken($n: String!, $s: TokenScope!, $x: DateTime) {
  createApiToken(name: $n, scope: $s, expiresAt: $x) { secret } }`);
const RevokeToken = graphql(`mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }`);

/** Personal API tokens for scripts: the secret is shown once, at creation. */
export default function TokensPage() {
  const { data, error, mutate } = useQuery(TokensQuery);
  const [secret, setSecret] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const days = Number(values.get("days"));
    try {
      const { createApiToken } = await gql(CreateToken, {
        n: String(values.get("name")),
        s: String(values.get("scope")) as TokenScope,
        x: days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
      });
      setSecret(createApiToken.secret);
      form.reset();
      await mutate();
    } catch (e) {
      setActionError(e);
    }
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <section>
      <h1>Personal API tokens</h1>
      <p className="muted">
        Send one as <code>Authorization: Bearer …</code> to the GraphQL API from scripts and notebooks.
      </p>
      <form onSubmit={create} className="inline card">
        <label>
          Token name
          <input name="name" required maxLength={100} placeholder="notebook" />
        </label>
        <label>
          Can
          <select name="scope" defaultValue="WRITE">
            <option value="READ">read only</option>
            <option value="PREDICT">predict only</option>
            <option value="WRITE">do everything you can</option>
          </select>
        </label>
        <label>
          Expires
          <select name="days" defaultValue="90">
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="0">never</option>
          </select>
        </label>
        <button type="submit">Create token</button>
      </form>
      {secret && (
        <p role="status" className="card">
          Copy it now, it is not shown again: <code>{secret}</code>
        </p>
      )}
      <ErrorNote error={actionError} />
      <table>
        <tbody>
          {data.apiTokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>
                <span className="badge">{t.scope}</span>
              </td>
              <td className="muted">
                {t.expiresAt ? `expires ${new Date(t.expiresAt).toLocaleDateString()}` : "no expiry"}
              </td>
              <td className="muted">
                {t.revokedAt
                  ? "revoked"
                  : t.lastUsedAt
                    ? `last used ${new Date(t.lastUsedAt).toLocaleString()}`
                    : "never used"}
              </td>
              <td>
                {!t.revokedAt && (
                  <button
                    type="button"
                    className="link danger"
                    onClick={() => void gql(RevokeToken, { id: t.id }).then(() => mutate(), setActionError)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
