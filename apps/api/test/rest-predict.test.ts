// REST predict: raw bytes or a multipart form in, GraphQL's answer out (the same service, field for field),
// under a PREDICT-scope token; bad requests get typed errors; the OpenAPI document describes what it answers.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, type TrainedWorkspace } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPENAPI } from "../src/rest/openapi.js";
import type { TestApi } from "./api-client.js";
import { trainedTeam } from "./trained-team.js";
import type { WorkerProcess } from "./worker-process.js";

const PREDICT = `mutation($e: ID!, $imgs: [PredictImageInput!]) { predict(experimentId: $e, images: $imgs, topK: 3) {
  checkpointId labels results { name top { label probability } error unknown unknownReason calibrated } } }`;

describe("REST predict", () => {
  let t: TestApi;
  let team: TrainedWorkspace;
  let worker: WorkerProcess;
  let token: string;
  let photos: { name: string; bytes: Buffer }[];
  let url: string;
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    ({ t, team, worker } = await trainedTeam("rest@example.com"));
    const created = await t.gql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(name: "classifier service", scope: PREDICT) { secret } }',
      {},
      team.token,
    );
    token = created.data?.createApiToken.secret ?? "";
    const dir = path.join(sharedDir(), "datasets/flowers_small/tulip");
    const names = (await readdir(dir)).sort().slice(-3);
    photos = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(path.join(dir, name)) })));
    url = t.api.url.replace(/\/graphql$/, `/v1/experiments/${team.experimentId}/predict`);
  }, 300_000);

  /** A signed-in stranger to the team. */
  let outsiders = 0;
  const outsiderToken = async () => (await t.signUp(`outsider${++outsiders}@example.com`)).token;

  const post = (body: RequestInit["body"], headers: Record<string, string> = {}, query = "topK=3") =>
    fetch(`${url}?${query}`, { method: "POST", body, headers: { authorization: `Bearer ${token}`, ...headers } });

  it("answers raw bytes and a multipart form as GraphQL's predict does, field for field", async () => {
    const viaGraphql = await t.gql<{ predict: { checkpointId: string; labels: string[]; results: unknown[] } }>(
      PREDICT,
      { e: team.experimentId, imgs: photos.map((p) => ({ name: p.name, base64: p.bytes.toString("base64") })) },
      token,
    );
    expect(viaGraphql.errors).toBeUndefined();
    const form = new FormData();
    for (const p of photos) form.append("files", new Blob([p.bytes], { type: "image/jpeg" }), p.name);
    const multipart = await post(form);
    expect(multipart.status).toBe(200);
    const answer = (await multipart.json()) as Record<string, unknown>;
    const { latencyMs, ...rest } = answer;
    expect(latencyMs).toEqual(expect.any(Number));
    expect(rest).toEqual(viaGraphql.data?.predict);

    const first = photos[0] ?? { name: "", bytes: Buffer.alloc(0) };
    const raw = await post(first.bytes, { "content-type": "image/jpeg" }, `topK=3&name=${first.name}`);
    expect(((await raw.json()) as { results: unknown[] }).results).toEqual(
      viaGraphql.data?.predict.results.slice(0, 1),
    );
  });

  it("refuses with typed errors: no token, wrong content type, too many files, an unknown alias or experiment", async () => {
    const errorOf = async (response: Response) => [
      response.status,
      ((await response.json()) as { error: { code: string } }).error.code,
    ];
    const first = photos[0]?.bytes ?? Buffer.alloc(0);
    expect(
      await errorOf(await fetch(url, { method: "POST", body: first, headers: { "content-type": "image/jpeg" } })),
    ).toEqual([401, "UNAUTHENTICATED"]);
    expect(await errorOf(await post("{}", { "content-type": "application/json" }))).toEqual([400, "BAD_USER_INPUT"]);
    const crowd = new FormData();
    for (let i = 0; i < 65; i++) crowd.append("files", new Blob([first], { type: "image/jpeg" }), `${i}.jpg`);
    expect(await errorOf(await post(crowd))).toEqual([400, "BAD_USER_INPUT"]);
    expect(await errorOf(await post(first, { "content-type": "image/jpeg" }, "alias=staging"))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    const stranger = url.replace(team.experimentId, "nope");
    expect(
      await errorOf(
        await fetch(stranger, {
          method: "POST",
          body: first,
          headers: { authorization: `Bearer ${token}`, "content-type": "image/jpeg" },
        }),
      ),
    ).toEqual([404, "NOT_FOUND"]);
    // Nothing of the body is read for an experiment the caller may not use: 30 MB (over one image's 20 MB)
    // is answered NOT_FOUND, as the unknown id is, not PAYLOAD_TOO_LARGE.
    const big = Buffer.alloc(30 * 1024 * 1024);
    for (const target of [stranger, url.replace(/\?.*$/, "")]) {
      const other = await outsiderToken();
      expect(
        await errorOf(
          await fetch(target, {
            method: "POST",
            body: big,
            headers: { authorization: `Bearer ${other}`, "content-type": "image/jpeg" },
          }),
        ),
      ).toEqual([404, "NOT_FOUND"]);
    }
  });

  it("serves an OpenAPI 3.1 document whose response schema the real answer fits", async () => {
    const served = await (await fetch(t.api.url.replace(/\/graphql$/, "/v1/openapi.json"))).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
    const operation = OPENAPI.paths["/v1/experiments/{id}/predict"].post;
    const schema = operation.responses["200"].content["application/json"].schema;
    const first = photos[0]?.bytes ?? Buffer.alloc(0);
    const answer = (await (await post(first, { "content-type": "image/jpeg" })).json()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual([...schema.required].sort());
    const result = (answer.results as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(result).sort()).toEqual([...schema.properties.results.items.required].sort());
    expect(typeof result.unknown).toBe("boolean");
    expect(schema.properties.results.items.properties.unknownReason.enum).toContain(result.unknownReason);
  });
});
