// A create and read round trip for every model of the schema, against a fresh migrated database.
import { useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client.js";
import { bytesToVector, vectorToBytes } from "../src/vectors.js";

describe("schema round trip", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await useTestDatabase());
  });

  it("stores and reads back every model, float32 vectors byte for byte", async () => {
    const user = await db.user.create({ data: { email: "ada@example.com", name: "Ada", passwordHash: "scrypt$x" } });
    const viewer = await db.user.create({ data: { email: "vic@example.com", name: "Vic", passwordHash: "scrypt$y" } });
    const session = await db.session.create({
      data: { userId: user.id, tokenHash: "s".repeat(64), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const workspace = await db.workspace.create({ data: { name: "Botany", slug: "botany" } });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "OWNER" } });
    const invitation = await db.invitation.create({
      data: {
        workspaceId: workspace.id,
        email: viewer.email,
        role: "VIEWER",
        invitedById: user.id,
        tokenHash: "i".repeat(64),
        expiresAt: new Date(),
      },
    });
    const token = await db.apiToken.create({
      data: { userId: user.id, name: "ci", prefix: "rs_abcd", tokenHash: "t".repeat(64) },
    });
    const dataset = await db.dataset.create({
      data: { workspaceId: workspace.id, name: "flowers", createdById: user.id },
    });
    const label = await db.label.create({ data: { datasetId: dataset.id, name: "daisy" } });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await db.blob.create({
      data: { sha256: "a".repeat(64), bytes, size: bytes.length, mimeType: "image/jpeg", thumbnail: bytes },
    });
    const image = await db.image.create({
      data: {
        datasetId: dataset.id,
        labelId: label.id,
        split: "TRAIN",
        sha256: "a".repeat(64),
        width: 128,
        height: 96,
        format: "jpeg",
        originalName: "daisy/1.jpg",
        uploadedById: user.id,
      },
    });
    const baseModel = await db.baseModel.create({
      data: {
        key: "mobilenet_v2_035_224",
        name: "MobileNetV2 0.35",
        sourceUrl: "https://example.com/model.json",
        format: "LAYERS",
        inputWidth: 224,
        inputHeight: 224,
        normalization: "[-1,1]",
        bottleneckOutput: "out_relu",
        featureDim: 1280,
        weightsHash: "w".repeat(64),
      },
    });
    const vector = Float32Array.from({ length: 1280 }, (_, i) => Math.sin(i) * 1e-3 * (i % 7 === 0 ? -1 : 1));
    vector[3] = Number.NaN;
    vector[4] = -0;
    await db.bottleneck.create({
      data: { imageId: image.id, baseModelId: baseModel.id, dim: 1280, vector: vectorToBytes(vector) },
    });
    await db.extractionFailure.create({
      data: { imageId: image.id, baseModelId: baseModel.id, reason: "truncated JPEG" },
    });
    const experiment = await db.experiment.create({
      data: {
        datasetId: dataset.id,
        baseModelId: baseModel.id,
        name: "baseline",
        hyperparameters: { epochs: 50 },
        authorId: user.id,
      },
    });
    const run = await db.trainingRun.create({
      data: { experimentId: experiment.id, hyperparameters: { epochs: 50, learningRate: 0.01 }, createdById: user.id },
    });
    await db.epochMetric.create({
      data: {
        runId: run.id,
        epoch: 1,
        trainLoss: 1.2,
        trainAccuracy: 0.5,
        validationLoss: 1.1,
        validationAccuracy: 0.55,
      },
    });
    const weights = Buffer.from(vectorToBytes(new Float32Array([0.25, -1.5])));
    const checkpoint = await db.checkpoint.create({
      data: {
        runId: run.id,
        step: 50,
        topology: { class_name: "Sequential" },
        weights,
        labels: ["daisy", "rose"],
        baseModelId: baseModel.id,
        baseModelWeightsHash: "w".repeat(64),
        preprocessing: { size: 224, normalization: "[-1,1]", resize: "center-crop" },
      },
    });
    await db.checkpointAlias.create({
      data: { experimentId: experiment.id, name: "production", checkpointId: checkpoint.id },
    });
    await db.prediction.create({
      data: {
        workspaceId: workspace.id,
        checkpointId: checkpoint.id,
        userId: user.id,
        topK: [{ label: "daisy", p: 0.9 }],
        latencyMs: 12.5,
      },
    });
    await db.job.create({
      data: {
        workspaceId: workspace.id,
        kind: "EXTRACT",
        datasetId: dataset.id,
        baseModelId: baseModel.id,
        progressTotal: 10,
      },
    });
    await db.comment.create({
      data: {
        workspaceId: workspace.id,
        authorId: user.id,
        experimentId: experiment.id,
        runId: run.id,
        body: "Looks good",
      },
    });
    await db.activity.create({
      data: {
        workspaceId: workspace.id,
        actorId: user.id,
        verb: "run.started",
        subjectType: "TrainingRun",
        subjectId: run.id,
      },
    });

    // Read everything back through relations.
    const read = await db.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      include: {
        memberships: { include: { user: true } },
        invitations: true,
        datasets: {
          include: {
            labels: true,
            images: { include: { blob: true, bottlenecks: true, extractionFailures: true } },
            experiments: {
              include: { aliases: true, comments: true, runs: { include: { epochs: true, checkpoints: true } } },
            },
          },
        },
        predictions: true,
        jobs: true,
        activities: true,
      },
    });
    expect(read.memberships[0]?.user.email).toBe("ada@example.com");
    expect(read.invitations[0]?.id).toBe(invitation.id);
    const ds = read.datasets[0];
    const img = ds?.images[0];
    expect(ds?.labels.map((l) => l.name)).toEqual(["daisy"]);
    expect(Buffer.from(img?.blob.bytes ?? [])).toEqual(bytes);
    const storedVector = img?.bottlenecks[0]?.vector;
    expect(Buffer.from(storedVector ?? [])).toEqual(Buffer.from(vector.buffer));
    expect(Buffer.from(bytesToVector(storedVector ?? new Uint8Array()).buffer)).toEqual(Buffer.from(vector.buffer));
    expect(img?.extractionFailures[0]?.reason).toBe("truncated JPEG");
    const exp = ds?.experiments[0];
    expect(exp?.aliases[0]?.checkpointId).toBe(checkpoint.id);
    expect(exp?.comments[0]?.body).toBe("Looks good");
    expect(exp?.runs[0]?.status).toBe("QUEUED");
    expect(exp?.runs[0]?.epochs[0]?.validationAccuracy).toBeCloseTo(0.55);
    const ckpt = exp?.runs[0]?.checkpoints[0];
    expect(ckpt?.labels).toEqual(["daisy", "rose"]);
    expect([...bytesToVector(ckpt?.weights ?? new Uint8Array())]).toEqual([0.25, -1.5]);
    expect(read.predictions[0]?.latencyMs).toBe(12.5);
    expect(read.jobs[0]?.status).toBe("QUEUED");
    expect(read.activities[0]?.verb).toBe("run.started");
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).userId).toBe(user.id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { tokenHash: "t".repeat(64) } })).id).toBe(token.id);
  });

  it("refuses a second bottleneck for the same image, base model and variant", async () => {
    const image = await db.image.findFirstOrThrow();
    const baseModel = await db.baseModel.findFirstOrThrow();
    await expect(
      db.bottleneck.create({
        data: { imageId: image.id, baseModelId: baseModel.id, dim: 1, vector: new Uint8Array(4) },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});
