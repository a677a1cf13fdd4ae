import { createHash } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { workspaceWithDataset } from "./fixtures.js";
import { collectSubscription } from "./live-client.js";

const UPLOAD = `mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { name status imageId reason } }`;
const PAGE = `query($d: ID!, $l: ID, $s: Split, $u: Boolean, $first: Int, $after: String) {
  images(datasetId: $d, labelId: $l, split: $s, unlabelled: $u, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id originalName labelId split width height format thumbnailUrl } } }`;

const png = (r: number, g: number, b: number, w = 40, h = 30) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

describe("images", () => {
  let t: TestApi;
  let owner: string;
  let outsider: string;
  let datasetId: string;
  let workspaceId: string;
  let accepted: string[];
  beforeAll(async () => {
    t = await startTestApi();
    ({ token: owner, datasetId, workspaceId } = await workspaceWithDataset(t, "o@example.com"));
    outsider = (await t.signUp("x@example.com")).token;
  });

  it("uploads a batch with a result per file: corrupt and non-image files rejected with reasons, the rest land", async () => {
    const good = await png(255, 0, 0);
    const jpeg = await sharp(await png(0, 0, 255, 64, 48))
      .jpeg()
      .toBuffer();
    const files = [
      { name: "red.png", base64: good.toString("base64"), label: "red" },
      { name: "blue.jpg", base64: jpeg.toString("base64"), label: "blue", split: "TEST" },
      { name: "notes.txt", base64: Buffer.from("not an image").toString("base64"), label: "red" },
      { name: "cut.jpg", base64: jpeg.subarray(0, 200).toString("base64"), label: "blue" },
      { name: "empty.png", base64: "", label: "red" },
      { name: "again.png", base64: good.toString("base64"), label: "red" },
      { name: "unlabelled.png", base64: (await png(0, 255, 0)).toString("base64") },
    ];
    const result = await t.gql<{
      uploadImages: { name: string; status: string; imageId: string | null; reason: string | null }[];
    }>(UPLOAD, { d: datasetId, f: files }, owner);
    const byName = Object.fromEntries((result.data?.uploadImages ?? []).map((r) => [r.name, r]));
    expect(byName["red.png"]?.status).toBe("ACCEPTED");
    expect(byName["blue.jpg"]?.status).toBe("ACCEPTED");
    expect(byName["notes.txt"]).toMatchObject({ status: "REJECTED", reason: expect.stringMatching(/not an image/) });
    expect(byName["cut.jpg"]).toMatchObject({
      status: "REJECTED",
      reason: expect.stringMatching(/corrupt or truncated/),
    });
    expect(byName["empty.png"]).toMatchObject({ status: "REJECTED", reason: "empty file" });
    expect(byName["again.png"]).toMatchObject({
      status: "DUPLICATE",
      imageId: byName["red.png"]?.imageId,
      reason: "same bytes as red.png",
    });
    accepted = ["red.png", "blue.jpg", "unlabelled.png"].map((n) => byName[n]?.imageId ?? "");
    expect(await t.db.image.count({ where: { datasetId } })).toBe(3);
    expect(await t.db.blob.count()).toBe(3); // bytes stored once per content hash
  });

  it("lists with filters and cursor pagination", async () => {
    const all = await t.gql<{
      images: { totalCount: number; nodes: { originalName: string; split: string; width: number }[] };
    }>(PAGE, { d: datasetId }, owner);
    expect(all.data?.images.totalCount).toBe(3);
    expect(all.data?.images.nodes.map((n) => n.originalName)).toEqual(["red.png", "blue.jpg", "unlabelled.png"]);
    expect(all.data?.images.nodes[1]).toMatchObject({ split: "TEST", width: 64 });
    const unlabelled = await t.gql<{ images: { nodes: { originalName: string }[] } }>(
      PAGE,
      { d: datasetId, u: true },
      owner,
    );
    expect(unlabelled.data?.images.nodes.map((n) => n.originalName)).toEqual(["unlabelled.png"]);
    const test = await t.gql<{ images: { nodes: { originalName: string }[] } }>(
      PAGE,
      { d: datasetId, s: "TEST" },
      owner,
    );
    expect(test.data?.images.nodes.map((n) => n.originalName)).toEqual(["blue.jpg"]);
    const first = await t.gql<{
      images: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { originalName: string }[] };
    }>(PAGE, { d: datasetId, first: 2 }, owner);
    expect(first.data?.images.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql<{
      images: { pageInfo: { hasNextPage: boolean }; nodes: { originalName: string }[] };
    }>(PAGE, { d: datasetId, first: 2, after: first.data?.images.pageInfo.endCursor }, owner);
    expect(second.data?.images).toMatchObject({
      pageInfo: { hasNextPage: false },
      nodes: [{ originalName: "unlabelled.png" }],
    });
  });

  it("relabels and moves in bulk, and deletes", async () => {
    const labels = await t.gql<{ dataset: { labels: { id: string; name: string }[] } }>(
      "query($d: ID!) { dataset(id: $d) { labels { id name } } }",
      { d: datasetId },
      owner,
    );
    const red = labels.data?.dataset.labels.find((l) => l.name === "red")?.id;
    const moved = await t.gql<{ updateImages: { labelId: string; split: string }[] }>(
      "mutation($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l, split: VALIDATION) { labelId split } }",
      { ids: accepted.slice(1), l: red },
      owner,
    );
    expect(moved.data?.updateImages).toEqual([
      { labelId: red, split: "VALIDATION" },
      { labelId: red, split: "VALIDATION" },
    ]);
    const foreign = await t.gql(
      "mutation($ids: [ID!]!) { deleteImages(ids: $ids) }",
      { ids: accepted.slice(2) },
      outsider,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const deleted = await t.gql<{ deleteImages: number }>(
      "mutation($ids: [ID!]!) { deleteImages(ids: $ids) }",
      { ids: accepted.slice(2) },
      owner,
    );
    expect(deleted.data?.deleteImages).toBe(1);
  });

  it("streams the dataset to subscribers as others change it, members only", async () => {
    const member = await t.join(owner, workspaceId, "live-member@example.com", "MEMBER");
    const file = { name: "live.png", base64: (await png(9, 9, 9)).toString("base64"), label: "live" };
    const updates = await collectSubscription<{ datasetUpdates: { labels: { name: string; imageCount: number }[] } }>(
      t.api.url,
      "subscription($id: ID!) { datasetUpdates(id: $id) { labels { name imageCount } } }",
      { id: datasetId },
      owner,
      2,
      () => t.gql(UPLOAD, { d: datasetId, f: [file] }, member.token),
    );
    expect(updates.at(-1)?.data?.datasetUpdates.labels).toContainEqual({ name: "live", imageCount: 1 });
    const denied = await collectSubscription(
      t.api.url,
      "subscription($id: ID!) { datasetUpdates(id: $id) { id } }",
      { id: datasetId },
      outsider,
      1,
    );
    expect(denied[0]?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("serves thumbnails to members only", async () => {
    const url = `${t.api.url.replace("/graphql", "")}/thumbnails/${accepted[0]}`;
    const mine = await fetch(url, { headers: { authorization: `Bearer ${owner}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await mine.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect((await fetch(url, { headers: { authorization: `Bearer ${outsider}` } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
    // A small upright JPEG is its own thumbnail: its bytes as uploaded.
    const own = await fetch(`${t.api.url.replace("/graphql", "")}/thumbnails/${accepted[1]}`, {
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(own.headers.get("content-type")).toBe("image/jpeg");
    const stored = await t.db.image.findUniqueOrThrow({ where: { id: accepted[1] } });
    expect(
      createHash("sha256")
        .update(Buffer.from(await own.arrayBuffer()))
        .digest("hex"),
    ).toBe(stored.sha256);
  });

  it("refuses too many files in one request with BAD_USER_INPUT", async () => {
    const files = Array.from({ length: 101 }, (_, i) => ({ name: `${i}.png`, base64: "" }));
    const result = await t.gql(UPLOAD, { d: datasetId, f: files }, owner);
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "files" });
  });

  it("concurrent uploads making the same new label, or sending the same bytes, all land without an error", async () => {
    const same = (await png(9, 99, 199)).toString("base64");
    const batches = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => [
        { name: `race${i}.png`, base64: (await png(i * 40, 7, 7)).toString("base64"), label: "racing" },
        { name: `same${i}.png`, base64: same, label: "racing" },
      ]),
    );
    const answers = await Promise.all(
      batches.map((f) => t.gql<{ uploadImages: { status: string }[] }>(UPLOAD, { d: datasetId, f }, owner)),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const statuses = answers.flatMap((a) => a.data?.uploadImages.map((r) => r.status) ?? []);
    expect(statuses.filter((s) => s === "ACCEPTED")).toHaveLength(7); // six pictures, and the shared one once
    expect(statuses.filter((s) => s === "DUPLICATE")).toHaveLength(5);
    expect(await t.db.label.count({ where: { datasetId, name: "racing" } })).toBe(1);
  });
});
