"use client";
import { type FormEvent, useState } from "react";
import { ErrorNote, Loading } from "../../../../components/feedback";
import { gql, useQuery } from "../../../../lib/api";

interface Data {
  apiTokens: {
    id: string;
    name: string;
    prefix: string;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
}

/** Personal API tokens for scripts: the secret is shown once, at creation. */
export default function TokensPage() {
  const { data, error, mutate } = useQuery<Data>("{ apiTokens { id name prefix createdAt lastUsedAt revokedAt } }");
  const [secret, setSecret] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const { createApiToken } = await gql<{ createApiToken: { secret: string } }>(
        "mutation($n: String!) { createApiToken(name: $n) { secret } }",
        { n: String(new FormData(form).get("name")) },
      );
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
          <input name="name" required placeholder="notebook" />
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
                    onClick={() =>
                      void gql("mutation($id: ID!) { revokeApiToken(id: $id) }", { id: t.id }).then(
                        () => mutate(),
                        setActionError,
                      )
                    }
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
