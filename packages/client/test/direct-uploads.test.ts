// The client's direct uploads against the compiled API with its blobs in Ceph's RADOS Gateway (a one-node
// cluster the test starts): the bytes go to the bucket, the API stores them, and the answers are uploadImages'.
import {
  flowerUploads,
  graphqlRequest,
  type RadosGateway,
  startApiProcess,
  startRadosGateway,
  useTestDatabase,
} from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RetrainClient } from "../src/index.js";

const IMAGES = `query($d: ID!) {
  images(datasetId: $d, first: 10) { nodes { originalName split labelId } }
  dataset(id: $d) { labels { id name } }
}`;

describe("RetrainClient.uploadImagesDirect", () => {
  let gateway: RadosGateway;
  let client: RetrainClient;
  let apiUrl: string;
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  afterAll(async () => {
    api?.kill();
    await gateway?.stop();
  });

  beforeAll(async () => {
    gateway = await startRadosGateway();
    const database = await useTestDatabase();
    api = await startApiProcess(
      { DATABASE_URL: database.url, SIGN_UP: "open", ...gateway.settings("client-direct") },
      { compiled: true },
    );
    apiUrl = api.url;
    client = await RetrainClient.signUp(new URL(api.url).origin, {
      email: "direct@example.com",
      name: "Direct",
      password: "correct horse",
    });
  }, 120_000);

  it("sends the bytes to the store and has the API store them, labelled by their folder or their own label", async () => {
    const datasetId = await client.createDataset(await client.createWorkspace("Direct"), "flowers");
    const [daisy, tulip] = (await flowerUploads(["daisy", "tulip"], 1)).map((f) => ({
      name: f.name,
      bytes: Buffer.from(f.base64, "base64"),
    }));
    if (!daisy || !tulip) throw new Error("flowers_small holds no daisy or tulip");
    const results = await client.uploadImagesDirect(datasetId, [
      daisy,
      { name: "tulip.jpg", bytes: tulip.bytes, label: "tulip", split: "test" },
      { name: "again.jpg", bytes: daisy.bytes },
    ]);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      [daisy.name, "ACCEPTED"],
      ["tulip.jpg", "ACCEPTED"],
      ["again.jpg", "DUPLICATE"],
    ]);
    const stored = await graphqlRequest<{
      images: { nodes: { originalName: string; split: string; labelId: string }[] };
      dataset: { labels: { id: string; name: string }[] };
    }>(apiUrl, IMAGES, { d: datasetId }, client.token);
    const labelOf = new Map(stored.data?.dataset.labels.map((l) => [l.id, l.name]));
    const byName = Object.fromEntries(
      (stored.data?.images.nodes ?? []).map((i) => [i.originalName, [labelOf.get(i.labelId), i.split]]),
    );
    expect(byName[daisy.name]?.[0]).toBe("daisy");
    expect(byName["tulip.jpg"]).toEqual(["tulip", "TEST"]);
    expect(Object.keys(byName)).toHaveLength(2);
  });
});
