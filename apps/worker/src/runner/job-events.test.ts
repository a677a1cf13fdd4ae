import { type Db, jobsRepository } from "@retrain/db";
import { useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { publishJobEnd } from "./job-events.js";

// Which job ends raise which webhook events, on a real database: the queue is the only thing recorded
// instead of sent (delivery itself is tested end to end in apps/api/test/webhooks.test.ts).
describe("webhook events of ended jobs", () => {
  let db: Db;
  let workspaceId: string;
  let datasetId: string;
  let baseModelId: string;
  let runId: string;
  let experimentId: string;
  const sent: string[] = [];
  const queue = {
    sendDelivery: async (id: string) => {
      sent.push(id);
      return id;
    },
  };

  beforeAll(async () => {
    ({ db } = await useTestDatabase());
    const workspace = await db.workspace.create({ data: { name: "E", slug: "e" } });
    workspaceId = workspace.id;
    datasetId = (await db.dataset.create({ data: { workspaceId, name: "d" } })).id;
    baseModelId = (
      await db.baseModel.create({
        data: {
          key: "m",
          name: "m",
          sourceUrl: "https://example.com/model.json",
          format: "LAYERS",
          inputWidth: 224,
          inputHeight: 224,
          normalization: "[-1,1]",
          bottleneckOutput: "pool",
          featureDim: 8,
        },
      })
    ).id;
    experimentId = (await db.experiment.create({ data: { datasetId, baseModelId, name: "e", hyperparameters: {} } }))
      .id;
    runId = (
      await db.trainingRun.create({
        data: { experimentId, hyperparameters: {}, status: "FAILED", error: "out of memory" },
      })
    ).id;
    await db.webhook.create({
      data: {
        workspaceId,
        url: "https://hooks.example.com/",
        secret: "whsec_x",
        events: ["run.failed", "health.completed"],
      },
    });
    await db.webhook.create({
      data: { workspaceId, url: "https://off.example.com/", secret: "whsec_y", events: ["run.failed"], enabled: false },
    });
  });

  const deliveries = () => db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } });
  async function job(kind: "TRAIN" | "HEALTH", result?: object) {
    const created = await jobsRepository(db).create({
      workspaceId,
      kind,
      runId: kind === "TRAIN" ? runId : null,
      datasetId,
      baseModelId,
    });
    if (result) await db.job.update({ where: { id: created.id }, data: { result } });
    return created;
  }

  it("a failed run raises run.failed with its error, to enabled webhooks that asked for it", async () => {
    await publishJobEnd(db, queue, await job("TRAIN"), "FAILED", "Failed 3 times; the last: out of memory");
    const [delivery, ...others] = await deliveries();
    expect(others).toEqual([]);
    expect(delivery?.event).toBe("run.failed");
    expect(delivery?.payload).toMatchObject({
      type: "run.failed",
      workspaceId,
      data: { runId, experimentId, datasetId, error: "Failed 3 times; the last: out of memory", testAccuracy: null },
    });
    expect(sent).toEqual([delivery?.id]);
  });

  it("a cancelled run and a succeeded run nobody asked for raise nothing", async () => {
    const before = (await deliveries()).length;
    await publishJobEnd(db, queue, await job("TRAIN"), "CANCELLED");
    await publishJobEnd(db, queue, await job("TRAIN"), "SUCCEEDED");
    expect(await deliveries()).toHaveLength(before);
  });

  it("a finished health check raises health.completed with what it found", async () => {
    const health = await job("HEALTH", { images: 90, duplicateGroups: 2, leakingGroups: 1, mislabeled: 3, strays: 0 });
    await publishJobEnd(db, queue, health, "SUCCEEDED");
    const last = (await deliveries()).at(-1);
    expect(last?.payload).toMatchObject({
      type: "health.completed",
      data: { datasetId, baseModelId, images: 90, duplicateGroups: 2, leakingGroups: 1, mislabeled: 3, strays: 0 },
    });
  });
});
