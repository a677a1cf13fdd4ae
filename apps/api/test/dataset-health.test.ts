// Dataset health end to end: the API queues the check, a real worker runs it on real flower photos (with a
// planted cross-split copy, a wrong label and a stray), and the findings, fixes and reviews go through GraphQL.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { flowerFiles, seededModelCache, upload, workspaceWithDataset } from "./fixtures.js";
import { startWorker, until } from "./worker-process.js";

const START = "mutation($d: ID!, $m: ID!) { startHealthCheck(datasetId: $d, baseModelId: $m) { id status } }";
const JOB = "query($id: ID!) { job(id: $id) { status error result { ... on HealthResult { images leakingGroups } } } }";
const HEALTH = `query($d: ID!) { dataset(id: $d) {
  labels { id name }
  health { stale images
    summary { duplicateGroups leakingGroups mislabeled strays reviewed }
    duplicates { key crossesSplits images { id originalName split } }
    mislabeled { key image { originalName } givenLabelId suggestedLabelId }
    strays { key image { originalName } }
    balance { perClass { label total } smallClasses }
    map { imageIds x y labelIds flagged } } } }`;

interface Health {
  stale: boolean;
  images: number;
  summary: Record<"duplicateGroups" | "leakingGroups" | "mislabeled" | "strays" | "reviewed", number>;
  duplicates: { key: string; crossesSplits: boolean; images: { id: string; originalName: string; split: string }[] }[];
  mislabeled: { key: string; image: { originalName: string }; givenLabelId: string; suggestedLabelId: string }[];
  strays: { key: string; image: { originalName: string } }[];
  balance: { perClass: { label: string; total: number }[]; smallClasses: string[] };
  map: { imageIds: string[]; x: number[]; y: number[]; labelIds: (string | null)[]; flagged: boolean[] };
}

describe("dataset health", () => {
  let t: TestApi;
  let alice: string;
  let datasetId: string;
  let modelId: string;
  let worker: ReturnType<typeof startWorker>;
  let refresher: ReturnType<typeof startWorker> | undefined;
  let env: Record<string, string>;
  afterAll(() => {
    worker?.kill();
    refresher?.kill();
  });

  const health = async () => {
    const answer = await t.gql<{ dataset: { labels: { id: string; name: string }[]; health: Health | null } }>(
      HEALTH,
      { d: datasetId },
      alice,
    );
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data.dataset;
  };

  beforeAll(async () => {
    const modelCacheDir = await seededModelCache();
    t = await startTestApi({ modelCacheDir });
    // Its health refresher stays quiet here: the last test starts one that looks every second.
    env = { DATABASE_URL: t.url, MODEL_CACHE_DIR: modelCacheDir, EXTRACTION_THREADS: "1" };
    worker = startWorker({ ...env, HEALTH_REFRESH_SECONDS: "3600" });
    ({ token: alice, datasetId } = await workspaceWithDataset(t, "alice@example.com"));
    const files = await flowerFiles(["daisy", "sunflower", "tulip"], 25);
    const original = files[0];
    if (!original) throw new Error("no flower photos");
    const copy = await sharp(Buffer.from(original.base64, "base64"))
      .resize({ width: 192 })
      .jpeg({ quality: 60 })
      .toBuffer();
    const noise = await sharp(Buffer.from(Array.from({ length: 96 * 96 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 96, height: 96, channels: 3 },
    })
      .png()
      .toBuffer();
    const sunflower = files.find((f) => f.label === "sunflower");
    await upload(t, alice, datasetId, [
      { ...original, split: "TRAIN" },
      ...files.slice(1).filter((f) => f !== sunflower),
      { name: "copy-of-daisy.jpg", base64: copy.toString("base64"), label: "daisy", split: "TEST" },
      { name: "pattern.png", base64: noise.toString("base64"), label: "tulip", split: "TRAIN" },
      { name: "sunflower-called-daisy.jpg", base64: sunflower?.base64 ?? "", label: "daisy", split: "TRAIN" },
    ]);
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }", {}, alice);
    modelId = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id ?? "";
    await worker.ready;
  }, 180_000);

  it("finds the planted copy across splits, the wrong label and the stray, with a map of every image", async () => {
    expect((await health()).health).toBeNull();
    const started = await t.gql<{ startHealthCheck: { id: string } }>(START, { d: datasetId, m: modelId }, alice);
    const jobId = started.data?.startHealthCheck.id ?? "";
    // Asking again while it runs returns the same check, not a second one.
    const again = await t.gql<{ startHealthCheck: { id: string } }>(START, { d: datasetId, m: modelId }, alice);
    expect(again.data?.startHealthCheck.id).toBe(jobId);
    const job = await until(
      "the check ends",
      async () => {
        const answer = await t.gql<{ job: { status: string; error: string | null } }>(JOB, { id: jobId }, alice);
        return !["QUEUED", "RUNNING"].includes(answer.data?.job.status ?? "QUEUED") && answer;
      },
      120_000,
    );
    expect(job.data?.job).toMatchObject({ status: "SUCCEEDED", error: null, result: { images: 77 } });

    const { labels, health: report } = await health();
    if (!report) throw new Error("no report");
    const name = (id: string) => labels.find((l) => l.id === id)?.name;
    expect(report.stale).toBe(false);
    expect(report.images).toBe(77);
    const leak = report.duplicates.find((d) => d.images.some((i) => i.originalName === "copy-of-daisy.jpg"));
    expect(leak?.crossesSplits).toBe(true);
    expect(leak?.images.map((i) => i.split).sort()).toEqual(["TEST", "TRAIN"]);
    const wrong = report.mislabeled.find((m) => m.image.originalName === "sunflower-called-daisy.jpg");
    expect(wrong && [name(wrong.givenLabelId), name(wrong.suggestedLabelId)]).toEqual(["daisy", "sunflower"]);
    expect(report.strays.map((s) => s.image.originalName)).toContain("pattern.png");
    expect(report.balance.perClass.map((c) => [c.label, c.total])).toEqual([
      ["daisy", 27],
      ["sunflower", 24],
      ["tulip", 26],
    ]);
    expect(report.map.imageIds).toHaveLength(77);
    expect([...report.map.x, ...report.map.y].every((v) => v >= 0 && v <= 1)).toBe(true);
    const flagged = report.map.imageIds.filter((_, i) => report.map.flagged[i]).length;
    expect(flagged).toBeGreaterThanOrEqual(4);
  }, 180_000);

  it("shows a one-click fix at once (the copy deleted, the label accepted) and marks the report stale", async () => {
    const before = (await health()).health;
    if (!before) throw new Error("no report");
    const leak = before.duplicates.find((d) => d.images.some((i) => i.originalName === "copy-of-daisy.jpg"));
    const copy = leak?.images.find((i) => i.originalName === "copy-of-daisy.jpg");
    await t.gql("mutation($ids: [ID!]!) { deleteImages(ids: $ids) }", { ids: [copy?.id] }, alice);
    const wrong = before.mislabeled.find((m) => m.image.originalName === "sunflower-called-daisy.jpg");
    const wrongImage = await t.db.image.findFirstOrThrow({ where: { originalName: "sunflower-called-daisy.jpg" } });
    const relabelled = await t.gql(
      "mutation($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }",
      { ids: [wrongImage.id], l: wrong?.suggestedLabelId },
      alice,
    );
    expect(relabelled.errors).toBeUndefined();

    const after = (await health()).health;
    expect(after?.stale).toBe(true);
    expect(after?.summary.leakingGroups).toBe(before.summary.leakingGroups - 1);
    expect(after?.mislabeled.map((m) => m.key)).not.toContain(wrong?.key);
    expect(after?.map.imageIds).toHaveLength(76);
  });

  it("keeps a reviewed finding dismissed, and refuses a key that names no finding", async () => {
    const before = (await health()).health;
    const stray = before?.strays.find((s) => s.image.originalName === "pattern.png");
    const reviewed = await t.gql<{ markFindingReviewed: boolean }>(
      "mutation($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }",
      { d: datasetId, k: stray?.key },
      alice,
    );
    expect(reviewed.data?.markFindingReviewed).toBe(true);
    const after = (await health()).health;
    expect(after?.strays.map((s) => s.key)).not.toContain(stray?.key);
    expect(after?.summary.reviewed).toBe((before?.summary.reviewed ?? 0) + 1);

    const bad = await t.gql(
      "mutation($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }",
      { d: datasetId, k: "drop table" },
      alice,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("gives a stranger nothing: NOT_FOUND for the check, the report and reviews", async () => {
    const { token: stranger } = await t.signUp("stranger@example.com");
    for (const [query, vars] of [
      [START, { d: datasetId, m: modelId }],
      ["query($d: ID!) { dataset(id: $d) { health { stale } } }", { d: datasetId }],
      ['mutation($d: ID!) { markFindingReviewed(datasetId: $d, key: "stray:abc") }', { d: datasetId }],
    ] as const) {
      const answer = await t.gql(query, vars, stranger);
      expect(answer.errors?.[0]?.extensions?.code, query).toBe("NOT_FOUND");
    }
  });

  it("checks a changed dataset again by itself, and the report is current again", async () => {
    expect((await health()).health?.stale).toBe(true); // the fixes above changed it
    refresher = startWorker({ ...env, HEALTH_REFRESH_SECONDS: "1" });
    await refresher.ready;
    const fresh = await until(
      "a new check",
      async () => {
        const report = (await health()).health;
        return report && !report.stale ? report : undefined;
      },
      120_000,
    );
    expect(fresh.images).toBe(76);
    expect(fresh.duplicates.some((d) => d.crossesSplits)).toBe(false);
    expect(await t.db.job.count({ where: { kind: "HEALTH", datasetId } })).toBe(2);
  }, 150_000);
});
