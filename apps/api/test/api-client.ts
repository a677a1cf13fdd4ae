// Test helpers: the real API over HTTP on a fresh database, and a small GraphQL client.
import os from "node:os";
import path from "node:path";
import type { ClientOptions } from "@retrain/db";
import { openJobQueue, type QueueOptions } from "@retrain/jobs";
import { type TestDatabase, useTestDatabase } from "@retrain/testing";
import { afterAll } from "vitest";
import { type ApiServer, startApiServer } from "../src/server.js";
import { syncCatalog } from "../src/services/base-model-service.js";
import { createServices } from "../src/services/index.js";

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface TestApi extends TestDatabase {
  api: ApiServer;
  /** Sends one operation; `auth` is a session or API token secret, sent as Bearer. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: string,
  ): Promise<GraphQLResult<T>>;
  /** Signs a new user up and returns their session token and id. */
  signUp(email: string, name?: string): Promise<{ token: string; userId: string }>;
}

export async function startTestApi(
  options: ClientOptions & { modelCacheDir?: string; queue?: QueueOptions } = {},
): Promise<TestApi> {
  const {
    modelCacheDir = path.join(os.tmpdir(), "retrain-test-models"),
    queue: queueOptions,
    ...clientOptions
  } = options;
  const database = await useTestDatabase(clientOptions);
  const queue = await openJobQueue(database.url, { pollingIntervalSeconds: 0.5, ...queueOptions });
  afterAll(() => queue.stop());
  await syncCatalog(database.db);
  const services = createServices(database.db, {
    version: "test",
    backend: "wasm",
    queue,
    modelCacheDir,
  });
  const api = await startApiServer(services, database.db, {
    port: 0,
    modelCacheDir,
    host: "127.0.0.1",
  });
  afterAll(() => api.stop());
  const gql: TestApi["gql"] = async (query, variables = {}, auth) => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<GraphQLResult<never>>;
  };
  const signUp: TestApi["signUp"] = async (email, name = "Test") => {
    const result = await gql<{ signUp: { sessionToken: string; user: { id: string } } }>(
      'mutation($e: String!, $n: String!) { signUp(email: $e, name: $n, password: "correct horse") { sessionToken user { id } } }',
      { e: email, n: name },
    );
    if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
    return { token: result.data.signUp.sessionToken, userId: result.data.signUp.user.id };
  };
  return { ...database, api, gql, signUp };
}
