// Test helpers: the real API over HTTP on a fresh database, and a small GraphQL client.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "@retrain/config";
import { type ClientOptions, openChangeFeed } from "@retrain/db";
import { inferenceBackendName } from "@retrain/engine";
import { openJobQueue, type QueueOptions } from "@retrain/jobs";
import { type TestDatabase, useTestDatabase } from "@retrain/testing";
import { afterAll } from "vitest";
import { apiSettings, serverOptionsFrom, serviceOptionsFrom } from "../src/config.js";
import { type ApiServer, startApiServer } from "../src/server.js";
import { syncCatalog } from "../src/services/base-models/base-model-service.js";
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
  /** Signs an existing user in (password "correct horse") and returns a new session token. */
  signIn(email: string): Promise<{ token: string }>;
  /** Invites `email` into a workspace with `role` and has them sign up and accept the link. */
  join(
    ownerToken: string,
    workspaceId: string,
    email: string,
    role: string,
  ): Promise<{ token: string; userId: string }>;
}

/**
 * The real API on a fresh database, configured as `npm start` configures it, through the same settings
 * (`settings` overrides any, such as PUBLIC_URL or the sign-in limits).
 */
export async function startTestApi(options: ClientOptions & ApiOptions = {}): Promise<TestApi> {
  const { modelCacheDir, queue, settings, ...clientOptions } = options;
  return serveApi(await useTestDatabase(clientOptions), { modelCacheDir, queue, settings });
}

export interface ApiOptions {
  modelCacheDir?: string;
  queue?: QueueOptions;
  settings?: Record<string, string>;
}

/** An API process on an existing test database (a second one shows what holds across processes). */
export async function serveApi(database: TestDatabase, options: ApiOptions = {}): Promise<TestApi> {
  const { modelCacheDir = path.join(os.tmpdir(), "retrain-test-models"), queue: queueOptions, settings = {} } = options;
  const config = loadConfig(apiSettings, {
    DATABASE_URL: database.url,
    API_PORT: "0",
    API_HOST: "127.0.0.1",
    MODEL_CACHE_DIR: modelCacheDir,
    // The product's default layout: its data under a folder whose name starts with a dot.
    EXPORT_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), "retrain-api-")), ".data", "exports"),
    // Tests sign many people up and in from one address, and serve models from loopback.
    SIGN_UP: "open",
    SIGN_UPS_PER_ADDRESS: "1000",
    SIGN_IN_ATTEMPTS_PER_ADDRESS: "1000",
    MODEL_URL_ALLOW: "127.0.0.1",
    ...settings,
  });
  const queue = await openJobQueue(database.url, { pollingIntervalSeconds: 0.5, ...queueOptions });
  afterAll(() => queue.stop());
  await syncCatalog(database.db);
  const changes = openChangeFeed(database.url);
  afterAll(() => changes.close());
  const services = createServices(database.db, {
    version: "test",
    backend: "wasm",
    inferenceBackend: await inferenceBackendName(config.INFERENCE_BACKEND, "wasm"),
    queue,
    changes,
    ...serviceOptionsFrom(config),
  });
  const api = await startApiServer(services, database.db, serverOptionsFrom(config));
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
  const signIn: TestApi["signIn"] = async (email) => {
    const result = await gql<{ signIn: { sessionToken: string } }>(
      'mutation($e: String!) { signIn(email: $e, password: "correct horse") { sessionToken } }',
      { e: email },
    );
    if (!result.data) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    return { token: result.data.signIn.sessionToken };
  };
  const join: TestApi["join"] = async (ownerToken, workspaceId, email, role) => {
    const invited = await gql<{ inviteMember: { token: string } }>(
      "mutation($w: ID!, $e: String!, $r: Role!) { inviteMember(workspaceId: $w, email: $e, role: $r) { token } }",
      { w: workspaceId, e: email, r: role },
      ownerToken,
    );
    if (!invited.data) throw new Error(`invitation failed: ${JSON.stringify(invited.errors)}`);
    const person = await signUp(email);
    const accepted = await gql(
      "mutation($t: String!) { acceptInvitation(token: $t) { id } }",
      { t: invited.data.inviteMember.token },
      person.token,
    );
    if (accepted.errors) throw new Error(`accepting failed: ${JSON.stringify(accepted.errors)}`);
    return person;
  };
  return { ...database, api, gql, signUp, signIn, join };
}
