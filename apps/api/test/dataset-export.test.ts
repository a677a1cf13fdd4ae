// A dataset out and back in: exported as class folders with manifest.csv, imported into a new dataset by a real
// worker, the same images (by content) with the same labels and splits, unlabelled ones included; a selection
// exports only itself; strangers get NOT_FOUND.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { openArchive } from "@retrain/ingest";
import { sharedDir } from "@retrain/testing";
import { describe, expect, it } from "vitest";
import type { TestApi } from "./api-client.js";
import { apiToken, workspaceWithDataset } from "./fixtures.js";
import { apiWithWorker } from "./trained-team.js";
import { until } from "./worker-process.js";

const IMAGES = `query($d: ID!) { dataset(id: $d) { labels { id name } }
  images(datasetId: $d, first: 100) { nodes { sha256 labelId split } } }`;

/** A dataset's images as "sha256 label split" lines, sorted: what a round trip must keep. */
async function contents(t: TestApi, token: string, datasetId: string): Promise<string[]> {
  const answer = await t.gql<{
    dataset: { labels: { id: string; name: string }[] };
    images: { nodes: { sha256: string; labelId: string | null; split: string }[] };
  }>(IMAGES, { d: datasetId }, token);
  const names = new Map(answer.data?.dataset.labels.map((l) => [l.id, l.name]));
  return (answer.data?.images.nodes ?? [])
    .map((i) => `${i.sha256} ${names.get(i.labelId ?? "") ?? "-"} ${i.split}`)
    .sort();
}

describe("dataset export and import", async () => {
  const { t, worker } = await apiWithWorker();
  const owner = await workspaceWithDataset(t, "export@example.com");
  const base = t.api.url.replace(/\/graphql$/, "");
  const auth = { authorization: `Bearer ${owner.token}` };

  it("exports class folders with manifest.csv, and importing it gives the same labels and splits", async () => {
    const dir = path.join(sharedDir(), "datasets/flowers_small");
    const form = new FormData();
    const add = async (label: string, n: number, split?: string) => {
      for (const name of (await readdir(path.join(dir, label))).sort().slice(0, n))
        form.append(
          "files",
          new Blob([new Uint8Array(await readFile(path.join(dir, label, name)))]),
          `${label}/${name}`,
        );
      if (split) form.append("split", split);
    };
    await add("daisy", 4);
    await add("tulip", 3);
    form.append("split", "test");
    await add("rose", 2);
    form.append("label", "");
    const loose = (await readdir(path.join(dir, "sunflower"))).sort()[0] ?? "";
    form.append("files", new Blob([new Uint8Array(await readFile(path.join(dir, "sunflower", loose)))]), "loose.jpg");
    const uploaded = await fetch(`${base}/v1/datasets/${owner.datasetId}/images`, {
      method: "POST",
      headers: auth,
      body: form,
    });
    expect(((await uploaded.json()) as { results: unknown[] }).results).toHaveLength(10);
    const before = await contents(t, owner.token, owner.datasetId);
    expect(before.filter((line) => line.endsWith("TEST"))).toHaveLength(3); // rose x2 and the loose one
    expect(before.filter((line) => line.includes(" - "))).toHaveLength(1); // the loose one has no label

    const exported = await fetch(`${base}/v1/datasets/${owner.datasetId}/export.zip`, { headers: auth });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("application/zip");
    expect(exported.headers.get("cache-control")).toBe("private, no-store");
    const zip = Buffer.from(await exported.arrayBuffer());
    const paths: string[] = [];
    for await (const item of (await openArchive(zip)).images) paths.push(item.path);
    expect(paths.filter((p) => p.startsWith("daisy/"))).toHaveLength(4);
    expect(paths.filter((p) => p.startsWith("unlabelled/"))).toHaveLength(1);

    const copy = await t.gql<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "Copy") { id } }',
      { w: owner.workspaceId },
      owner.token,
    );
    const copyId = copy.data?.createDataset.id ?? "";
    await worker.ready;
    const imported = await fetch(`${base}/datasets/${copyId}/archive`, { method: "POST", headers: auth, body: zip });
    const { jobId } = (await imported.json()) as { jobId: string };
    await until("the import to end", async () => {
      const job = await t.gql<{ job: { status: string } }>(
        "query($id: ID!) { job(id: $id) { status } }",
        { id: jobId },
        owner.token,
      );
      return job.data?.job.status === "SUCCEEDED";
    });
    expect(await contents(t, owner.token, copyId)).toEqual(before);
  }, 120_000);

  it("exports a selection: one label, one split", async () => {
    const zipOf = async (query: string) => {
      const response = await fetch(`${base}/v1/datasets/${owner.datasetId}/export.zip?${query}`, { headers: auth });
      const paths: string[] = [];
      for await (const item of (await openArchive(Buffer.from(await response.arrayBuffer()))).images)
        paths.push(item.path);
      return paths;
    };
    expect(await zipOf("label=tulip")).toEqual(expect.arrayContaining([expect.stringMatching(/^tulip\//)]));
    expect((await zipOf("label=tulip")).every((p) => p.startsWith("tulip/"))).toBe(true);
    expect(await zipOf("split=test")).toHaveLength(3);
    const badSplit = await fetch(`${base}/v1/datasets/${owner.datasetId}/export.zip?split=holdout`, { headers: auth });
    expect(await badSplit.json()).toMatchObject({ error: { code: "BAD_USER_INPUT", field: "split" } });
    const noLabel = await fetch(`${base}/v1/datasets/${owner.datasetId}/export.zip?label=cactus`, { headers: auth });
    expect(await noLabel.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("is a reader's: a viewer and a READ token export, a PREDICT token is FORBIDDEN", async () => {
    const url = `${base}/v1/datasets/${owner.datasetId}/export.zip`;
    const viewer = (await t.join(owner.token, owner.workspaceId, "export-viewer@example.com", "VIEWER")).token;
    const token = (scope: "READ" | "WRITE" | "PREDICT") => apiToken(t, owner.token, scope);
    for (const who of [viewer, await token("READ")]) {
      const answer = await fetch(url, { headers: { authorization: `Bearer ${who}` } });
      expect([answer.status, answer.headers.get("content-type")]).toEqual([200, "application/zip"]);
      await answer.arrayBuffer();
    }
    const predictOnly = await fetch(url, { headers: { authorization: `Bearer ${await token("PREDICT")}` } });
    expect(predictOnly.status).toBe(403);
    expect(await predictOnly.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("is a member's: a stranger gets NOT_FOUND", async () => {
    const stranger = (await t.signUp("export-stranger@example.com")).token;
    const refused = await fetch(`${base}/v1/datasets/${owner.datasetId}/export.zip`, {
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
