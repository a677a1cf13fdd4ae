// What a team needs after a month of use: renaming and deleting experiments, runs, aliases and workspaces,
// leaving, changing one's name, deleting one's account. Each with the API's role rules, an activity entry,
// and the team's data kept. A real worker trains the run they act on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { flowerFiles, seededModelCache, upload, workspaceWithDataset } from "./fixtures.js";
import { startWorker, until, type WorkerProcess } from "./worker-process.js";

const code = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code;

describe("everyday actions", () => {
  let t: TestApi;
  let worker: WorkerProcess;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let member: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let outsider: string;
  let experimentId: string;
  let runId: string;
  let checkpointId: string;
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    const modelCacheDir = await seededModelCache();
    t = await startTestApi({ modelCacheDir });
    worker = startWorker({ DATABASE_URL: t.url, MODEL_CACHE_DIR: modelCacheDir });
    owner = await workspaceWithDataset(t, "owner@example.com");
    member = await t.join(owner.token, owner.workspaceId, "member@example.com", "MEMBER");
    admin = await t.join(owner.token, owner.workspaceId, "admin@example.com", "ADMIN");
    outsider = (await t.signUp("outsider@example.com")).token;
    await upload(t, owner.token, owner.datasetId, await flowerFiles(["daisy", "tulip"], 10));
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>(
      "{ baseModels { id key } }",
      {},
      owner.token,
    );
    const created = await t.gql<{ createExperiment: { id: string } }>(
      'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "first", hyperparameters: { epochs: 3 }) { id } }',
      { d: owner.datasetId, m: models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id },
      owner.token,
    );
    experimentId = created.data?.createExperiment.id ?? "";
    await worker.ready;
    const started = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
      { e: experimentId },
      member.token,
    );
    runId = started.data?.startRun.id ?? "";
    checkpointId = await until("the run's checkpoint", async () => {
      const answer = await t.gql<{ run: { status: string; checkpoints: { id: string }[] } }>(
        "query($id: ID!) { run(id: $id) { status checkpoints { id } } }",
        { id: runId },
        owner.token,
      );
      return answer.data?.run.status === "SUCCEEDED" ? (answer.data.run.checkpoints[0]?.id ?? false) : false;
    });
  }, 180_000);

  it("renames an experiment (members), and outsiders learn nothing", async () => {
    const RENAME =
      'mutation($id: ID!) { updateExperiment(id: $id, name: "Flowers v2", description: "tulips") { name description } }';
    expect(code(await t.gql(RENAME, { id: experimentId }, outsider))).toBe("NOT_FOUND");
    const viewer = (await t.join(owner.token, owner.workspaceId, "viewer@example.com", "VIEWER")).token;
    expect(code(await t.gql(RENAME, { id: experimentId }, viewer))).toBe("FORBIDDEN");
    expect((await t.gql(RENAME, { id: experimentId }, member.token)).data).toEqual({
      updateExperiment: { name: "Flowers v2", description: "tulips" },
    });
  });

  it("a run behind an alias is kept until the alias is removed; then it goes with its checkpoints", async () => {
    await t.gql(
      'mutation($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: "production") { id } }',
      { c: checkpointId },
      owner.token,
    );
    const DELETE_RUN = "mutation($id: ID!) { deleteRun(id: $id) }";
    const behindAlias = await t.gql(DELETE_RUN, { id: runId }, member.token);
    expect(code(behindAlias)).toBe("CONFLICT");
    expect(behindAlias.errors?.[0]?.message).toMatch(/production/);
    const REMOVE = 'mutation($e: ID!) { removeAlias(experimentId: $e, alias: "production") }';
    expect((await t.gql(REMOVE, { e: experimentId }, member.token)).data).toEqual({ removeAlias: true });
    expect(code(await t.gql(REMOVE, { e: experimentId }, member.token))).toBe("BAD_USER_INPUT");
    expect((await t.gql(DELETE_RUN, { id: runId }, member.token)).data).toEqual({ deleteRun: true });
    expect(await t.db.checkpoint.count({ where: { id: checkpointId } })).toBe(0);
    expect(code(await t.gql("query($id: ID!) { run(id: $id) { id } }", { id: runId }, owner.token))).toBe("NOT_FOUND");
  });

  it("deleting an experiment takes an admin, and waits for its runs to end", async () => {
    const DELETE = "mutation($id: ID!) { deleteExperiment(id: $id) }";
    expect(code(await t.gql(DELETE, { id: experimentId }, member.token))).toBe("FORBIDDEN");
    const queued = await t.db.trainingRun.create({ data: { experimentId, hyperparameters: {}, status: "TRAINING" } });
    expect(code(await t.gql(DELETE, { id: experimentId }, admin.token))).toBe("CONFLICT");
    await t.db.trainingRun.update({ where: { id: queued.id }, data: { status: "CANCELLED" } });
    expect((await t.gql(DELETE, { id: experimentId }, admin.token)).data).toEqual({ deleteExperiment: true });
    expect(await t.db.experiment.count({ where: { id: experimentId } })).toBe(0);
  });

  it("renames a workspace (owners), lets members leave, never its last owner", async () => {
    const RENAME = 'mutation($id: ID!) { renameWorkspace(id: $id, name: "Botany") { name } }';
    expect(code(await t.gql(RENAME, { id: owner.workspaceId }, admin.token))).toBe("FORBIDDEN");
    expect((await t.gql(RENAME, { id: owner.workspaceId }, owner.token)).data).toEqual({
      renameWorkspace: { name: "Botany" },
    });
    const LEAVE = "mutation($id: ID!) { leaveWorkspace(id: $id) }";
    expect(code(await t.gql(LEAVE, { id: owner.workspaceId }, owner.token))).toBe("CONFLICT");
    expect((await t.gql(LEAVE, { id: owner.workspaceId }, admin.token)).data).toEqual({ leaveWorkspace: true });
    expect(
      code(await t.gql("query($id: ID!) { workspace(id: $id) { id } }", { id: owner.workspaceId }, admin.token)),
    ).toBe("NOT_FOUND");
  });

  it("changes one's name; deletes an account with its password, keeping what it made for the team", async () => {
    const me = await t.gql<{ updateProfile: { name: string } }>(
      'mutation { updateProfile(name: "Mia Member") { name } }',
      {},
      member.token,
    );
    expect(me.data?.updateProfile.name).toBe("Mia Member");
    await upload(t, member.token, owner.datasetId, await flowerFiles(["tulip"], 1, 20));
    const theirs = await t.db.image.findFirst({ where: { uploadedById: member.userId } });
    if (!theirs) throw new Error("the member's upload did not land");
    const DELETE = "mutation($p: String!) { deleteAccount(password: $p) }";
    expect(code(await t.gql(DELETE, { p: "wrong password" }, member.token))).toBe("BAD_USER_INPUT");
    expect(code(await t.gql(DELETE, { p: "correct horse" }, owner.token))).toBe("CONFLICT");
    expect((await t.gql(DELETE, { p: "correct horse" }, member.token)).data).toEqual({ deleteAccount: true });
    expect(await t.db.user.count({ where: { id: member.userId } })).toBe(0);
    expect(code(await t.gql("{ me { id } }", {}, member.token))).toBeUndefined();
    expect((await t.gql<{ me: null }>("{ me { id } }", {}, member.token)).data?.me).toBeNull();
    expect(await t.db.image.findUnique({ where: { id: theirs.id } })).toMatchObject({ uploadedById: null });
    const left = await t.db.activity.findFirst({ where: { verb: "member.left", subjectId: member.userId } });
    expect(left).not.toBeNull();
  });

  it("deletes a workspace and everything in it, once its owner types its name", async () => {
    const DELETE = "mutation($id: ID!, $n: String!) { deleteWorkspace(id: $id, confirmName: $n) }";
    const wrong = await t.gql(DELETE, { id: owner.workspaceId, n: "botany" }, owner.token);
    expect(wrong.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "confirmName" });
    expect((await t.gql(DELETE, { id: owner.workspaceId, n: "Botany" }, owner.token)).data).toEqual({
      deleteWorkspace: true,
    });
    expect(await t.db.dataset.count({ where: { id: owner.datasetId } })).toBe(0);
    expect(
      code(await t.gql("query($id: ID!) { workspace(id: $id) { id } }", { id: owner.workspaceId }, owner.token)),
    ).toBe("NOT_FOUND");
  });
});
