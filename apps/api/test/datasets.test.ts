import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";

const CREATE_DATASET = "mutation($w: ID!, $n: String!) { createDataset(workspaceId: $w, name: $n) { id name } }";
const CREATE_LABEL = "mutation($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id name } }";

describe("datasets and labels, scoped to the caller's workspaces", () => {
  let t: TestApi;
  let alice: string;
  let bob: string;
  let viewer: string;
  let workspaceId: string;
  let datasetId: string;
  let sql: string[];
  beforeAll(async () => {
    sql = [];
    t = await startTestApi({ onQuery: (q) => sql.push(q) });
    alice = (await t.signUp("alice@example.com")).token;
    bob = (await t.signUp("bob@example.com")).token;
    const ws = await t.gql<{ createWorkspace: { id: string } }>(
      'mutation { createWorkspace(name: "Flowers") { id } }',
      {},
      alice,
    );
    workspaceId = ws.data?.createWorkspace.id ?? "";
    viewer = (await t.join(alice, workspaceId, "vic@example.com", "VIEWER")).token;
    const ds = await t.gql<{ createDataset: { id: string } }>(
      CREATE_DATASET,
      { w: workspaceId, n: "flowers_small" },
      alice,
    );
    datasetId = ds.data?.createDataset.id ?? "";
  });

  it("creates, renames and refuses duplicate names with CONFLICT", async () => {
    const dup = await t.gql(CREATE_DATASET, { w: workspaceId, n: "flowers_small" }, alice);
    expect(dup.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const empty = await t.gql(CREATE_DATASET, { w: workspaceId, n: "   " }, alice);
    expect(empty.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "name" });
    const renamed = await t.gql<{ updateDataset: { name: string } }>(
      'mutation($id: ID!) { updateDataset(id: $id, name: "Flowers (small)") { name } }',
      { id: datasetId },
      alice,
    );
    expect(renamed.data?.updateDataset.name).toBe("Flowers (small)");
  });

  it("manages labels: create, rename, merge (images move), delete", async () => {
    const daisy =
      (await t.gql<{ createLabel: { id: string } }>(CREATE_LABEL, { d: datasetId, n: "daisy" }, alice)).data
        ?.createLabel.id ?? "";
    const daisies =
      (await t.gql<{ createLabel: { id: string } }>(CREATE_LABEL, { d: datasetId, n: "daisies" }, alice)).data
        ?.createLabel.id ?? "";
    // Two images under "daisies", stored directly: uploads come with the images API.
    for (const [i, name] of ["a.jpg", "b.jpg"].entries()) {
      const sha256 = String(i).repeat(64);
      await t.db.blob.create({ data: { sha256, bytes: Buffer.from([i]), size: 1, mimeType: "image/jpeg" } });
      await t.db.image.create({
        data: {
          datasetId,
          labelId: daisies,
          split: "TRAIN",
          sha256,
          width: 1,
          height: 1,
          format: "jpeg",
          originalName: name,
        },
      });
    }
    const dupLabel = await t.gql(CREATE_LABEL, { d: datasetId, n: "daisy" }, alice);
    expect(dupLabel.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const merged = await t.gql<{ mergeLabels: { name: string; imageCount: number } }>(
      "mutation($f: ID!, $i: ID!) { mergeLabels(fromId: $f, intoId: $i) { name imageCount } }",
      { f: daisies, i: daisy },
      alice,
    );
    expect(merged.data?.mergeLabels).toEqual({ name: "daisy", imageCount: 2 });
    const renamed = await t.gql<{ renameLabel: { name: string } }>(
      'mutation($id: ID!) { renameLabel(id: $id, name: "Daisy") { name } }',
      { id: daisy },
      alice,
    );
    expect(renamed.data?.renameLabel.name).toBe("Daisy");
    await t.gql("mutation($id: ID!) { deleteLabel(id: $id) }", { id: daisy }, alice);
    expect(await t.db.image.count({ where: { datasetId, labelId: null } })).toBe(2); // images kept, unlabelled
  });

  it("answers NOT_FOUND for another workspace's ids, exactly as for ids that do not exist", async () => {
    const missing = "cl0000000000000000000000";
    for (const [query, vars] of [
      ["query($id: ID!) { dataset(id: $id) { id } }", { id: datasetId }],
      ["query($id: ID!) { workspace(id: $id) { id } }", { id: workspaceId }],
      ['mutation($id: ID!) { updateDataset(id: $id, name: "x") { id } }', { id: datasetId }],
      ["mutation($id: ID!) { deleteDataset(id: $id) }", { id: datasetId }],
      [CREATE_DATASET, { w: workspaceId, n: "mine now" }],
      [CREATE_LABEL, { d: datasetId, n: "rose" }],
      [
        'mutation($w: ID!) { inviteMember(workspaceId: $w, email: "bob2@example.com", role: OWNER) { token } }',
        { w: workspaceId },
      ],
    ] as const) {
      const foreign = await t.gql(query, vars, bob);
      expect(foreign.errors?.[0]?.extensions?.code, query).toBe("NOT_FOUND");
      const nonexistent = await t.gql(
        query,
        Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === "n" ? v : missing])),
        alice,
      );
      expect(nonexistent.errors?.[0]?.extensions?.code, query).toBe("NOT_FOUND");
      expect(foreign.errors?.[0]?.message.replace(/Workspace|Dataset|Label/, "X")).toBe(
        nonexistent.errors?.[0]?.message.replace(/Workspace|Dataset|Label/, "X"),
      );
    }
    expect(await t.db.dataset.count({ where: { id: datasetId } })).toBe(1); // nothing changed
  });

  it("viewers read but cannot create", async () => {
    const read = await t.gql<{ dataset: { name: string } }>(
      "query($id: ID!) { dataset(id: $id) { name } }",
      { id: datasetId },
      viewer,
    );
    expect(read.data?.dataset.name).toBe("Flowers (small)");
    const write = await t.gql(CREATE_LABEL, { d: datasetId, n: "tulip" }, viewer);
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a nested list costs a fixed number of SQL statements, whatever its size (no N+1)", async () => {
    const query = "{ workspaces { id members { role user { email } } datasets { id labels { id name imageCount } } } }";
    const count = async () => {
      sql.length = 0;
      const result = await t.gql(query, {}, alice);
      expect(result.errors).toBeUndefined();
      return sql.length;
    };
    const addDataset = async (i: number) => {
      const ds = await t.gql<{ createDataset: { id: string } }>(
        CREATE_DATASET,
        { w: workspaceId, n: `extra ${i}` },
        alice,
      );
      for (const n of ["a", "b", "c"]) await t.gql(CREATE_LABEL, { d: ds.data?.createDataset.id, n }, alice);
    };
    await addDataset(0); // every level has rows before the first count
    const before = await count();
    for (let i = 1; i < 6; i++) await addDataset(i);
    await t.gql('mutation { createWorkspace(name: "Second") { id } }', {}, alice);
    expect(await count()).toBe(before);
  });
});
