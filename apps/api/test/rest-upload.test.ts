// Streamed uploads: images into a dataset as raw bytes or a multipart form (no base64), with labels from form
// fields or from the files' folders; every file answered like uploadImages answers it; typed refusals, and
// the body read only once the caller may write to the dataset.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { OPENAPI } from "../src/rest/openapi.js";
import { startTestApi, type TestApi } from "./api-client.js";
import { apiToken, workspaceWithDataset } from "./fixtures.js";

const IMAGES = `query($d: ID!) { dataset(id: $d) { labels { id name } }
  images(datasetId: $d, first: 100) { nodes { originalName labelId split } } }`;

interface Stored {
  dataset: { labels: { id: string; name: string }[] };
  images: { nodes: { originalName: string; labelId: string | null; split: string }[] };
}

describe("REST uploads (POST /v1/datasets/:id/images)", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let photos: Buffer[];
  let url: string;

  beforeAll(async () => {
    t = await startTestApi();
    owner = await workspaceWithDataset(t, "streamer@example.com");
    url = t.api.url.replace(/\/graphql$/, `/v1/datasets/${owner.datasetId}/images`);
    const dir = path.join(sharedDir(), "datasets/flowers_small/daisy");
    const names = (await readdir(dir)).sort().slice(0, 60);
    photos = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
  });

  const post = (body: RequestInit["body"], headers: Record<string, string> = {}, query = "", token = owner.token) =>
    fetch(`${url}${query}`, { method: "POST", body, headers: { authorization: `Bearer ${token}`, ...headers } });
  const stored = async () => {
    const answer = await t.gql<Stored>(IMAGES, { d: owner.datasetId }, owner.token);
    const labels = new Map(answer.data?.dataset.labels.map((l) => [l.id, l.name]));
    return new Map(
      answer.data?.images.nodes.map((i) => [i.originalName, { label: labels.get(i.labelId ?? ""), split: i.split }]),
    );
  };
  const file = (form: FormData, bytes: Buffer, name: string) =>
    form.append("files", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), name);

  it("stores a form's files with the label field before them, or else their folder's name", async () => {
    const form = new FormData();
    form.append("label", "daisy");
    form.append("split", "validation");
    file(form, photos[0] as Buffer, "one.jpg");
    file(form, photos[1] as Buffer, "two.jpg");
    const labelled = await post(form);
    expect(labelled.status).toBe(200);
    const { results } = (await labelled.json()) as { results: { name: string; status: string }[] };
    // The OpenAPI document describes this answer.
    const schema = OPENAPI.paths["/v1/datasets/{id}/images"].post.responses["200"].content["application/json"].schema;
    const item = schema.properties.results.items;
    for (const result of results) {
      for (const key of item.required) expect(result).toHaveProperty(key);
      for (const key of Object.keys(result)) expect(Object.keys(item.properties)).toContain(key);
    }
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ["one.jpg", "ACCEPTED"],
      ["two.jpg", "ACCEPTED"],
    ]);
    // Two files of one name from two folders (a dropped folder of class folders): both kept, each labelled.
    const folders = new FormData();
    file(folders, photos[2] as Buffer, "roses/IMG_0001.jpg");
    file(folders, photos[3] as Buffer, "tulips/IMG_0001.jpg");
    const byFolder = (await (await post(folders)).json()) as { results: { status: string }[] };
    expect(byFolder.results.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED"]);
    const images = await stored();
    expect(images.get("one.jpg")).toEqual({ label: "daisy", split: "VALIDATION" });
    expect(images.get("roses/IMG_0001.jpg")?.label).toBe("roses");
    expect(images.get("tulips/IMG_0001.jpg")?.label).toBe("tulips");
  });

  it("takes one image as raw bytes, and answers files as uploadImages does: duplicates, unreadable, too large", async () => {
    const raw = await post(
      new Uint8Array(photos[4] as Buffer),
      { "content-type": "image/jpeg" },
      "?name=raw.jpg&label=daisy&split=test",
    );
    expect(await raw.json()).toMatchObject({ results: [{ name: "raw.jpg", status: "ACCEPTED" }] });
    expect((await stored()).get("raw.jpg")).toEqual({ label: "daisy", split: "TEST" });

    const form = new FormData();
    file(form, photos[0] as Buffer, "again.jpg");
    file(form, Buffer.from("not an image at all"), "notes.jpg");
    file(form, Buffer.alloc(21 * 1024 * 1024, 1), "huge.jpg");
    file(form, photos[5] as Buffer, "after.jpg");
    const mixed = (await (await post(form)).json()) as { results: { name: string; status: string; reason?: string }[] };
    expect(mixed.results.map((r) => [r.name, r.status])).toEqual([
      ["again.jpg", "DUPLICATE"],
      ["notes.jpg", "REJECTED"],
      ["huge.jpg", "REJECTED"],
      ["after.jpg", "ACCEPTED"],
    ]);
    expect(mixed.results[2]?.reason).toMatch(/larger than 20 MB/);
  });

  it("answers every file of a long form, in its order (files wait for the ones before them)", async () => {
    const form = new FormData();
    form.append("label", "many");
    const names = photos.slice(8).map((_, i) => `many-${i}.jpg`);
    for (const [i, name] of names.entries()) file(form, photos[8 + i] as Buffer, name);
    const { results } = (await (await post(form)).json()) as { results: { name: string; status: string }[] };
    expect(results.map((r) => r.name)).toEqual(names);
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["ACCEPTED"]));
  });

  it("stores a form's files in groups: a repeat within a form, and two forms racing with the same photos, store each once", async () => {
    const dir = path.join(sharedDir(), "datasets/flowers_small/dandelion");
    const names = (await readdir(dir)).sort().slice(0, 20);
    const fresh = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
    const form = (prefix: string) => {
      const f = new FormData();
      f.append("label", "race");
      for (const [i, bytes] of fresh.entries()) file(f, bytes, `${prefix}-${i}.jpg`);
      file(f, fresh[0] as Buffer, `${prefix}-repeat.jpg`);
      return f;
    };
    type Answer = { results: { name: string; status: string; imageId: string }[] };
    const [a, b] = (await Promise.all([post(form("a")), post(form("b"))].map(async (r) => (await r).json()))) as [
      Answer,
      Answer,
    ];
    // Each photo lands once: accepted by one form, a duplicate of that same image in the other.
    for (const i of fresh.keys()) {
      const pair = [a.results[i], b.results[i]];
      expect(pair.map((r) => r?.status).sort()).toEqual(["ACCEPTED", "DUPLICATE"]);
      expect(pair[0]?.imageId).toBe(pair[1]?.imageId);
    }
    expect([a.results[20], b.results[20]].map((r) => [r?.status, r?.imageId])).toEqual([
      ["DUPLICATE", a.results[0]?.imageId],
      ["DUPLICATE", a.results[0]?.imageId],
    ]);
    const labels = await t.gql<{ dataset: { labels: { name: string; imageCount: number }[] } }>(
      "query($d: ID!) { dataset(id: $d) { labels { name imageCount } } }",
      { d: owner.datasetId },
      owner.token,
    );
    expect(labels.data?.dataset.labels.find((l) => l.name === "race")?.imageCount).toBe(20);
  });

  it("takes a member's WRITE token, and refuses a viewer and READ- or PREDICT-scope tokens (FORBIDDEN)", async () => {
    const token = (scope: "READ" | "WRITE" | "PREDICT") => apiToken(t, owner.token, scope);
    const raw = (who: string, name: string) =>
      post(new Uint8Array(photos[7] as Buffer), { "content-type": "image/jpeg" }, `?name=${name}`, who);
    const viewer = (await t.join(owner.token, owner.workspaceId, "upload-viewer@example.com", "VIEWER")).token;
    for (const who of [viewer, await token("READ"), await token("PREDICT")]) {
      const refused = await raw(who, "refused.jpg");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
    expect((await stored()).has("refused.jpg")).toBe(false);
    expect(await (await raw(await token("WRITE"), "by-token.jpg")).json()).toMatchObject({
      results: [{ name: "by-token.jpg", status: "ACCEPTED" }],
    });
  });

  it("refuses with typed errors: no token, a stranger (before reading), a wrong type or split", async () => {
    const anonymous = await fetch(url, {
      method: "POST",
      body: new Uint8Array(photos[6] as Buffer),
      headers: { "content-type": "image/jpeg" },
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const stranger = (await t.signUp("upload-stranger@example.com")).token;
    const refused = await post(new Uint8Array(photos[6] as Buffer), { "content-type": "image/jpeg" }, "", stranger);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    const json = await post(JSON.stringify({ base64: "x" }), { "content-type": "application/json" });
    expect(await json.json()).toMatchObject({ error: { code: "BAD_USER_INPUT", field: "content-type" } });
    const form = new FormData();
    form.append("split", "holdout");
    file(form, photos[6] as Buffer, "split.jpg");
    expect(await (await post(form)).json()).toMatchObject({ error: { code: "BAD_USER_INPUT", field: "split" } });
    const empty = new FormData();
    empty.append("label", "daisy");
    expect(await (await post(empty)).json()).toMatchObject({ error: { code: "BAD_USER_INPUT", field: "files" } });
    // Nothing of the refused requests was stored.
    expect((await stored()).has("split.jpg")).toBe(false);
  });
});
