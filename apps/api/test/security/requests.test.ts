// Requests that would cost more than they should: bodies read before the caller is known, greedy GraphQL
// documents, predictions and archives that count in the millions, unbounded text and lists.
import net from "node:net";
import { zipOfFolders } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

/**
 * Starts a POST declaring `bytes` of body and sends it 64 KB at a time until the server answers. Returns
 * the status and how much was sent by then: a server that reads the whole body first answers at the end.
 */
async function postHuge(
  apiUrl: string,
  path: string,
  bytes: number,
  headers: Record<string, string> = {},
  chunked = false,
) {
  const { hostname, port } = new URL(apiUrl);
  const socket = net.connect(Number(port), hostname);
  let response = "";
  socket.on("data", (chunk) => {
    response += chunk.toString();
  });
  socket.on("error", () => {});
  const length = chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(bytes) };
  const head = Object.entries({ host: "localhost", "content-type": "application/json", ...length, ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
  const data = Buffer.alloc(64 * 1024, 0x20);
  // Chunked: the size is never declared, so only counting what arrives can stop it.
  const chunk = chunked
    ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")])
    : data;
  let sent = 0;
  while (sent < bytes && !response.includes("\r\n\r\n") && !socket.destroyed) {
    await new Promise<void>((resolve) => socket.write(chunk, () => resolve()));
    sent += data.length;
  }
  const deadline = Date.now() + 10_000;
  while (!response.includes("\r\n\r\n") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  socket.destroy();
  return { status: Number(response.split(" ")[1]), sent };
}

describe("request limits", () => {
  let t: TestApi;
  let sql: string[];
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  beforeAll(async () => {
    sql = [];
    t = await startTestApi({ onQuery: (q) => sql.push(q) });
    owner = await workspaceWithDataset(t, "limits@example.com");
  });

  it("reads no large body before the caller is known: 40 MB of GraphQL, 100 MB of archive", async () => {
    const graphql = await postHuge(t.api.url, "/graphql", 40 * 1024 * 1024);
    expect(graphql.status).toBe(413);
    expect(graphql.sent).toBeLessThan(8 * 1024 * 1024);
    const chunked = await postHuge(t.api.url, "/graphql", 40 * 1024 * 1024, {}, true);
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(8 * 1024 * 1024);
    const archive = await postHuge(t.api.url, `/datasets/${owner.datasetId}/archive`, 100 * 1024 * 1024);
    expect(archive.status).toBe(401);
    expect(archive.sent).toBeLessThan(8 * 1024 * 1024);
    // A member who may not import into this dataset is refused before the body too.
    const stranger = (await t.signUp("stranger@example.com")).token;
    const foreign = await postHuge(t.api.url, `/datasets/${owner.datasetId}/archive`, 100 * 1024 * 1024, {
      authorization: `Bearer ${stranger}`,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.sent).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);

  it("refuses 2,000 anonymous health aliases, 200 createWorkspace, six mutations and 21 directives", async () => {
    const flood = await t.gql(`{ ${Array.from({ length: 2000 }, (_, i) => `h${i}: health { ok }`).join(" ")} }`);
    expect(flood.data).toBeUndefined();
    expect(flood.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED"); // over the token limit first
    const aliases = await t.gql(`{ ${Array.from({ length: 16 }, (_, i) => `h${i}: health { ok }`).join(" ")} }`);
    expect(aliases.data).toBeUndefined();
    expect(aliases.errors?.[0]?.message).toMatch(/aliases/i);
    const before = await t.db.workspace.count();
    const creates = `mutation { ${Array.from({ length: 200 }, (_, i) => `w${i}: createWorkspace(name: "w${i}") { id }`).join(" ")} }`;
    const many = await t.gql(creates, {}, owner.token);
    expect(many.data).toBeUndefined();
    expect(many.errors?.map((e) => e.message).join(" ")).toMatch(/at most 5 mutations; this one holds 200/);
    expect(await t.db.workspace.count()).toBe(before);
    const six = await t.gql("mutation { signOut signOut signOut signOut signOut signOut }", {}, owner.token);
    expect(six.errors?.[0]?.message).toMatch(/at most 5 mutations/);
    const directives = `{ me ${Array.from({ length: 21 }, () => "@include(if: true)").join(" ")} { id } }`;
    expect((await t.gql(directives, {}, owner.token)).errors?.[0]?.message).toMatch(/directives/i);
  });

  it("counts 10,000 image ids to predict before reading one", async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `img${i}`);
    sql.length = 0;
    const result = await t.gql(
      'mutation($ids: [ID!]) { predict(checkpointId: "cl0000000000000000000000", imageIds: $ids) { latencyMs } }',
      { ids },
      owner.token,
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "images" });
    expect(sql.length).toBeLessThanOrEqual(3); // the caller's session, nothing of images or checkpoints
  });

  it("refuses a zip of 1,000,000 folder entries at once, from its central directory, storing nothing", async () => {
    const zip = zipOfFolders(1_000_000);
    const response = await fetch(new URL(`/datasets/${owner.datasetId}/archive`, t.api.url), {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}` },
      body: zip,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "BAD_USER_INPUT", field: "archive", message: expect.stringMatching(/1,000,000 entries/) },
    });
    expect(await t.db.job.count()).toBe(0);
    expect(await t.db.blob.count({ where: { mimeType: "application/zip" } })).toBe(0);
  }, 60_000);

  it("bounds every free-text input, naming the field", async () => {
    const long = (n: number) => "x".repeat(n);
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "mutation($w: ID!, $n: String!) { createDataset(workspaceId: $w, name: $n) { id } }",
        { w: owner.workspaceId, n: long(101) },
        "name",
      ],
      [
        'mutation($w: ID!, $d: String) { createDataset(workspaceId: $w, name: "ok", description: $d) { id } }',
        { w: owner.workspaceId, d: long(2001) },
        "description",
      ],
      [
        "mutation($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }",
        { d: owner.datasetId, n: long(101) },
        "name",
      ],
      [
        "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }",
        { d: owner.datasetId, f: [{ name: long(256), base64: "" }] },
        "files.0.name",
      ],
      ["mutation($n: String!) { createApiToken(name: $n) { secret } }", { n: long(101) }, "name"],
      ["mutation($n: String!) { createWorkspace(name: $n) { id } }", { n: long(101) }, "name"],
      [
        "mutation($w: ID!, $e: String!) { inviteMember(workspaceId: $w, email: $e, role: VIEWER) { token } }",
        { w: owner.workspaceId, e: `${long(250)}@example.com` },
        "email",
      ],
    ];
    for (const [query, variables, field] of cases) {
      const result = await t.gql(query, variables, owner.token);
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const signUp = await t.gql(
      'mutation($p: String!) { signUp(email: "pw@example.com", name: "P", password: $p) { sessionToken } }',
      { p: long(1025) },
    );
    expect(signUp.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
  });

  it("pages through lists that grow: comments, activity", async () => {
    const models = await t.gql<{ baseModels: { id: string }[] }>("{ baseModels { id } }", {}, owner.token);
    const created = await t.gql<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "e") { id } }',
      { d: owner.datasetId, m: models.data?.baseModels[0]?.id },
      owner.token,
    );
    const e = created.data?.createExperiment.id;
    for (const b of ["one", "two", "three"])
      await t.gql(
        "mutation($e: ID!, $b: String!) { addComment(experimentId: $e, body: $b) { id } }",
        { e, b },
        owner.token,
      );
    type Page = {
      experiment: { comments: { nodes: { body: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    const page = (after?: string) =>
      t.gql<Page>(
        "query($e: ID!, $a: String) { experiment(id: $e) { comments(first: 2, after: $a) { nodes { body } pageInfo { hasNextPage endCursor } } } }",
        { e, a: after },
        owner.token,
      );
    const first = (await page()).data?.experiment.comments;
    expect(first?.nodes.map((c) => c.body)).toEqual(["one", "two"]);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first?.pageInfo.endCursor)).data?.experiment.comments;
    expect(second?.nodes.map((c) => c.body)).toEqual(["three"]);
    expect(second?.pageInfo.hasNextPage).toBe(false);
    const huge = await t.gql<{ workspace: { activity: { nodes: unknown[] } } }>(
      "query($w: ID!) { workspace(id: $w) { activity(first: 100000) { nodes { id } } } }",
      { w: owner.workspaceId },
      owner.token,
    );
    expect(huge.data?.workspace.activity.nodes.length ?? 0).toBeLessThanOrEqual(200);
  });
});
